package io.zonepay.payment.transfer;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.service.idempotency.IdempotentRequests;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/transfers} and {@code GET /api/transfers/{transferId}}: a user sends
 * its own money to another user.
 */
@RestController
class TransferController {

	private final TransferFlow flow;

	private final Transfers transfers;

	private final IdempotentRequests idempotency;

	private final GlobalData global;

	TransferController(TransferFlow flow, Transfers transfers, IdempotentRequests idempotency, GlobalData global) {
		this.flow = flow;
		this.transfers = transfers;
		this.idempotency = idempotency;
		this.global = global;
	}

	/**
	 * 202 with the transfer: COMPLETED or FAILED when it was decided at once (one shard
	 * group, or refused before any money moved), PENDING while the payee's zone has it.
	 * The work commits step by step; a retry resumes it.
	 */
	@PostMapping("/api/transfers")
	ResponseEntity<String> send(
			@RequestHeader(name = ZonePayHeaders.IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@Valid @RequestBody TransferRequest request, Caller caller) {
		UserId payer = payer(caller);
		UserId payee = request.toUserId();
		Money amount = new Money(request.amount(), global.acceptedCurrency(request.currency()));
		return idempotency.executeStepwise(caller, key, "POST /api/transfers", request, () -> {
			Transfer transfer = flow.transfer(payer, payee, amount, caller.scope() + ":" + key);
			return ResponseEntity.accepted()
				.location(URI.create("/api/transfers/" + transfer.id()))
				.body(TransferView.of(transfer));
		});
	}

	/**
	 * Only its payer (or an operator) sees a transfer; anyone else, the payee too, learns
	 * nothing of it.
	 */
	@GetMapping("/api/transfers/{transferId}")
	TransferView transfer(@PathVariable TransferId transferId, Caller caller) {
		return transfers.findById(transferId)
			.filter(transfer -> caller.mayActFor(transfer.from()))
			.map(TransferView::of)
			.orElseThrow(() -> new ProblemException(PaymentProblem.TRANSFER_NOT_FOUND,
					"transfer " + transferId + " not found"));
	}

	private static UserId payer(Caller caller) {
		UserId user = caller.user();
		if (user == null) {
			throw new ProblemException(CommonProblem.UNAUTHENTICATED,
					"transfers are made by a user; send a user's token");
		}
		return user;
	}

	record TransferRequest(@NotNull UserId toUserId, @NotNull @Positive Long amount,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency) {
	}

	/** A transfer as the API shows it. */
	record TransferView(TransferId transferId, UserId fromUserId, UserId toUserId, long amount, String currency,
			String status, @Nullable String failureCode, Instant createdAt) {

		static TransferView of(Transfer transfer) {
			return new TransferView(transfer.id(), transfer.from(), transfer.to(), transfer.amount().amount(),
					transfer.amount().currency().code(), transfer.status().shown(), transfer.failureCode(),
					transfer.createdAt());
		}
	}

}
