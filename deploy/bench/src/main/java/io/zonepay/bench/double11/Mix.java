package io.zonepay.bench.double11;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * What a Double-11 crowd does, by share of operations: mostly checkouts (a share of them
 * at one hot merchant), some transfers within and across zones, balance reads, and a
 * little background load-test traffic.
 */
final class Mix {

	private static final double CHECKOUT = 0.60;

	private static final double TRANSFER_WITHIN = 0.05;

	private static final double TRANSFER_ACROSS = 0.05;

	private static final double READ = 0.25;

	private final List<Shopper> shoppers;

	private final Map<String, List<Shopper>> byZone;

	/** By zone, the shoppers of every other zone. */
	private final Map<String, List<Shopper>> elsewhere;

	private final List<String> merchants;

	private final double hotShare;

	Mix(List<Shopper> shoppers, List<String> merchants, double hotShare) {
		this.shoppers = List.copyOf(shoppers);
		this.byZone = shoppers.stream().collect(Collectors.groupingBy(Shopper::zone));
		this.elsewhere = byZone.keySet()
			.stream()
			.collect(Collectors.toMap(zone -> zone, zone -> othersThan(zone, shoppers)));
		this.merchants = List.copyOf(merchants);
		this.hotShare = hotShare;
	}

	/** The share of operations that are checkouts. */
	static double checkoutShare() {
		return CHECKOUT;
	}

	Operation next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Shopper shopper = shoppers.get(random.nextInt(shoppers.size()));
		double pick = random.nextDouble();
		if (pick < CHECKOUT) {
			String merchant = random.nextDouble() < hotShare ? merchants.getFirst()
					: merchants.get(1 + random.nextInt(merchants.size() - 1));
			return new Operation(Kind.CHECKOUT, shopper, shopper, merchant);
		}
		pick -= CHECKOUT;
		if (pick < TRANSFER_WITHIN) {
			List<Shopper> neighbours = byZone.get(shopper.zone());
			return new Operation(Kind.TRANSFER_WITHIN, shopper, other(neighbours, shopper, random), "");
		}
		pick -= TRANSFER_WITHIN;
		if (pick < TRANSFER_ACROSS) {
			List<Shopper> payees = elsewhere.get(shopper.zone());
			return new Operation(Kind.TRANSFER_ACROSS, shopper, other(payees, shopper, random), "");
		}
		pick -= TRANSFER_ACROSS;
		return new Operation(pick < READ ? Kind.READ : Kind.BACKGROUND, shopper, shopper, "");
	}

	private static List<Shopper> othersThan(String zone, List<Shopper> shoppers) {
		List<Shopper> others = shoppers.stream().filter(shopper -> !shopper.zone().equals(zone)).toList();
		return others.isEmpty() ? shoppers : others;
	}

	private static Shopper other(List<Shopper> from, Shopper not, ThreadLocalRandom random) {
		for (int attempt = 0; attempt < 8; attempt++) {
			Shopper picked = from.get(random.nextInt(from.size()));
			if (picked.id() != not.id()) {
				return picked;
			}
		}
		return from.getFirst().id() != not.id() ? from.getFirst() : from.getLast();
	}

	/** One operation: who does it, to whom (a transfer's payee), at which merchant. */
	record Operation(Kind kind, Shopper shopper, Shopper payee, String merchant) {
	}

}
