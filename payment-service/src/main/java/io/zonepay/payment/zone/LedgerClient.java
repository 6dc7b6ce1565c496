package io.zonepay.payment.zone;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * account-service's posting API. Postings are keyed by reference, so every call here is
 * idempotent and retried. A caller that lost track of a reference asks {@link #find}, or
 * settles it for good with {@link #voidReference}.
 */
public final class LedgerClient {

	private final ZoneClient account;

	private final JsonMapper json;

	LedgerClient(ZoneClient account, JsonMapper json) {
		this.account = account;
		this.json = json;
	}

	/**
	 * Posts, or answers what the reference already is.
	 * @throws ZoneUnreachable when the ledger cannot say: the outcome is then unknown,
	 * not failed
	 */
	public Settled post(String reference, PostingKind kind, Shard shard, List<Leg> legs) {
		Map<String, Object> body = Map.of("reference", reference, "kind", kind, "shard", shard.value(), "legs", legs);
		ZoneClient.Answer answer = account.call(HttpMethod.POST, "/internal/postings", body, true);
		return switch (answer.status()) {
			case 200, 201 -> Settled.POSTED;
			// No money to take: a user without the balance, or without an account at all.
			case 404, 422 -> refusal(answer, reference);
			case 409 -> Settled.VOIDED;
			default -> throw new IllegalStateException(
					"the ledger answered " + answer.status() + " to posting " + reference + ": " + answer.body());
		};
	}

	/** What became of a reference, if anything did. */
	public Optional<Settled> find(String reference) {
		ZoneClient.Answer answer = account.call(HttpMethod.GET, "/internal/postings/" + reference, null, true);
		if (answer.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(state(answer, reference));
	}

	/** Settles a reference: voided if it was never posted, else what it is. */
	public Settled voidReference(String reference, Shard shard) {
		ZoneClient.Answer answer = account.call(HttpMethod.POST, "/internal/postings/" + reference + "/void",
				Map.of("shard", shard.value()), true);
		return state(answer, reference);
	}

	private Settled refusal(ZoneClient.Answer answer, String reference) {
		String code = json.readTree(String.valueOf(answer.body())).path("code").asString("");
		if (code.equals("INSUFFICIENT_FUNDS") || code.equals("USER_NOT_FOUND")) {
			return Settled.INSUFFICIENT_FUNDS;
		}
		throw new IllegalStateException("the ledger refused posting " + reference + ": " + answer.body());
	}

	private Settled state(ZoneClient.Answer answer, String reference) {
		if (answer.status() != 200) {
			throw new IllegalStateException(
					"the ledger answered " + answer.status() + " about " + reference + ": " + answer.body());
		}
		JsonNode body = json.readTree(String.valueOf(answer.body()));
		return "VOIDED".equals(body.path("state").asString("")) ? Settled.VOIDED : Settled.POSTED;
	}

	/** What a reference is at the ledger. */
	public enum Settled {

		/** The money moved. */
		POSTED,

		/** The money never moves under this reference. */
		VOIDED,

		/**
		 * The payer does not hold the money; nothing moved (void the reference before
		 * calling it failed).
		 */
		INSUFFICIENT_FUNDS

	}

	/** Why money moves, named as the ledger names it. */
	public enum PostingKind {

		PAYMENT, REFUND, TRANSFER

	}

	/**
	 * Whose money an account holds, named as the ledger names it; each names its owner
	 * differently.
	 */
	public enum AccountKind {

		/** Owned by a user, named by the user's id. */
		USER,

		/** A merchant's receivable in this zone, named by the merchant's id. */
		MERCHANT,

		/**
		 * A shard's money in flight to or from other zones, named by the shard's number.
		 */
		TRANSIT

	}

	/**
	 * One side of a posting: the account, and the amount it gains (negative: the amount
	 * it gives).
	 */
	public record Leg(AccountKind account, String owner, String currency, long amount) {

		public static Leg user(UserId user, Money amount) {
			return new Leg(AccountKind.USER, user.toString(), amount.currency().code(), amount.amount());
		}

		public static Leg merchant(MerchantId merchant, Money amount) {
			return new Leg(AccountKind.MERCHANT, merchant.toString(), amount.currency().code(), amount.amount());
		}

		public static Leg transit(Shard shard, Money amount) {
			return new Leg(AccountKind.TRANSIT, Integer.toString(shard.value()), amount.currency().code(),
					amount.amount());
		}
	}

}
