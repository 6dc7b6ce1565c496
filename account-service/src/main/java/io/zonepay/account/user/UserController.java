package io.zonepay.account.user;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.zonepay.account.AccountProblem;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.zone.ZoneProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users}: signing up, and reading one's own profile. */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final UserRegistration registration;

	private final ZoneProperties zone;

	UserController(UserRegistration registration, ZoneProperties zone) {
		this.registration = registration;
		this.zone = zone;
	}

	/**
	 * The gateway chose the shard (the client's, or a random one) and routed here because
	 * this zone serves it.
	 */
	@PostMapping
	ResponseEntity<UserCreated> register(@Valid @RequestBody NewUser request, CallerAssertion assertion) {
		Shard shard = assertion.shard();
		if (shard == null) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"no shard was chosen for the new user: sign up through a gateway");
		}
		if (request.shard() != null && request.shard() != shard.value()) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"the requested shard " + request.shard() + " is not the one routed to");
		}
		User user = registration.register(request.name().strip(), shard);
		return ResponseEntity.created(URI.create("/api/users/" + user.id()))
			.body(new UserCreated(user.id().toString(), user.shard().value(), zone.id().value()));
	}

	@GetMapping("/{userId}")
	UserView profile(@PathVariable UserId userId, Caller caller) {
		User user = registration.find(userId)
			.filter(found -> caller.mayActFor(found.id()))
			.orElseThrow(() -> AccountProblem.userNotFound(userId));
		return new UserView(user.id().toString(), user.name(), user.shard().value(), zone.id().value(),
				user.createdAt());
	}

	record NewUser(@NotBlank @Size(max = 100) String name, @Nullable @Min(0) @Max(99) Integer shard) {
	}

	record UserCreated(String userId, int shard, String zone) {
	}

	record UserView(String userId, String name, int shard, String zone, Instant createdAt) {
	}

}
