package io.zonepay.gateway.admission;

import java.util.Locale;
import java.util.regex.Pattern;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Who waits on a request, highest first. Each class may fill its share of a zone's
 * concurrency limit and no more, so as a zone fills, background work is refused first,
 * then reads, then transfers, and checkouts last (Netflix's prioritized load shedding).
 */
public enum PriorityClass {

	/** An order and its payment, or a refund: a user at a till waits on it. */
	CHECKOUT(1.0),

	/**
	 * Other money a user moves and waits on: transfers, deposits, cancelling, signing up.
	 */
	TRANSFER(0.9),

	/** Balances, ledgers, orders, payments read back: worth serving, cheap to retry. */
	READ(0.75),

	/** Load tests and shadow traffic: refused first. */
	BACKGROUND(0.5);

	private static final Pattern REFUND = Pattern.compile("/api/payments/[^/]+/refunds");

	private final double share;

	PriorityClass(double share) {
		this.share = share;
	}

	/**
	 * How many requests of this class may be in flight under a limit; every class may
	 * have at least one, so none starves outright.
	 */
	int allowedUnder(int limit) {
		return Math.max(1, (int) (limit * share));
	}

	/** The name in metrics and on the operations page. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The class of a request from its method, path, caller and traffic tag.
	 * @param traffic the value of {@value ZonePayHeaders#TRAFFIC}, if any
	 */
	static PriorityClass of(HttpMethod method, String path, @Nullable Caller caller, @Nullable String traffic) {
		if (traffic != null || caller != null && caller.has(Role.LOADTEST)) {
			return BACKGROUND;
		}
		if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
			return READ;
		}
		if (method == HttpMethod.POST
				&& (path.equals("/api/orders") || path.equals("/api/payments") || REFUND.matcher(path).matches())) {
			return CHECKOUT;
		}
		return TRANSFER;
	}

}
