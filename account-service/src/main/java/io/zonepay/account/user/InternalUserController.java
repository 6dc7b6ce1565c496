package io.zonepay.account.user;

import io.zonepay.account.AccountProblem;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/users/{userId}}: whether a user lives in this shard group, for the
 * zone's other services (a transfer checks its recipient before it moves money). 404
 * {@code USER_NOT_FOUND} when not.
 */
@RestController
class InternalUserController {

	private final UserRegistration registration;

	InternalUserController(UserRegistration registration) {
		this.registration = registration;
	}

	@GetMapping("/internal/users/{userId}")
	InternalUserView user(@PathVariable UserId userId, Caller caller) {
		if (!caller.has(Role.SYSTEM)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "this user look-up is for ZonePay's own services");
		}
		User user = registration.find(userId).orElseThrow(() -> AccountProblem.userNotFound(userId));
		return new InternalUserView(user.id().toString(), user.shard().value());
	}

	record InternalUserView(String userId, int shard) {
	}

}
