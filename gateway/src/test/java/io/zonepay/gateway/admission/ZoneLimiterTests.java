package io.zonepay.gateway.admission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneLimiterTests {

	private static final Caller USER = Caller.user(new UserId(1_000_037L), Set.of(Role.USER));

	@Test
	void aFullZoneShedsBackgroundFirstThenReadsThenTransfersAndCheckoutsLast() {
		ZoneLimiter zone = new ZoneLimiter(fixed(20));
		List<ZoneLimiter.Permit> held = new ArrayList<>();

		assertThat(admitted(zone, PriorityClass.BACKGROUND, held)).isEqualTo(10);
		assertThat(admitted(zone, PriorityClass.READ, held)).isEqualTo(5);
		assertThat(admitted(zone, PriorityClass.TRANSFER, held)).isEqualTo(3);
		assertThat(admitted(zone, PriorityClass.CHECKOUT, held)).isEqualTo(2);
		assertThat(zone.inflight()).isEqualTo(20);
		assertThat(zone.tryAcquire(PriorityClass.BACKGROUND)).isNull();
	}

	@Test
	void aReleasedPermitMakesRoomOnceHoweverManyOutcomesItIsGiven() {
		ZoneLimiter zone = new ZoneLimiter(fixed(4));
		List<ZoneLimiter.Permit> held = new ArrayList<>();
		admitted(zone, PriorityClass.CHECKOUT, held);
		ZoneLimiter.Permit first = held.get(0);

		first.answered();
		first.ignored();
		first.dropped();

		assertThat(zone.inflight()).isEqualTo(3);
	}

	@Test
	void aBusyZoneAnsweringSlowerThanTheTargetGetsALowerLimitAndOneWithinItAHigherOne() {
		AtomicLong now = new AtomicLong();
		ZoneLimiter slow = new ZoneLimiter(adaptive(Duration.ofMillis(100)), now::get);
		ZoneLimiter fast = new ZoneLimiter(adaptive(Duration.ofMillis(500)), now::get);

		for (int window = 0; window < 20; window++) {
			List<ZoneLimiter.Permit> held = new ArrayList<>();
			admitted(slow, PriorityClass.CHECKOUT, held);
			admitted(fast, PriorityClass.CHECKOUT, held);
			now.addAndGet(Duration.ofMillis(300).toNanos());
			held.forEach(ZoneLimiter.Permit::answered);
		}

		assertThat(slow.limit()).isLessThan(20);
		assertThat(fast.limit()).isGreaterThan(20);
	}

	@Test
	void aQuietZoneGetsItsLimitBackOnceItAnswersInTimeAgainButNoHigherUnlessItIsUsed() {
		AtomicLong now = new AtomicLong();
		ZoneLimiter zone = new ZoneLimiter(adaptive(Duration.ofMillis(100)), now::get);
		for (int window = 0; window < 20; window++) {
			List<ZoneLimiter.Permit> held = new ArrayList<>();
			admitted(zone, PriorityClass.CHECKOUT, held);
			now.addAndGet(Duration.ofMillis(300).toNanos());
			held.forEach(ZoneLimiter.Permit::answered);
		}
		assertThat(zone.limit()).as("after slow windows").isLessThan(10);

		for (int request = 0; request < 300; request++) {
			ZoneLimiter.Permit alone = zone.tryAcquire(PriorityClass.CHECKOUT);
			now.addAndGet(Duration.ofMillis(5).toNanos());
			alone.answered();
		}

		assertThat(zone.limit()).as("after windows answered in time, one request in flight").isEqualTo(20);
	}

	@Test
	void everyClassMayHaveOneRequestInFlightUnderTheSmallestLimit() {
		ZoneLimiter zone = new ZoneLimiter(fixed(1));

		assertThat(zone.tryAcquire(PriorityClass.BACKGROUND)).isNotNull();
	}

	@Test
	void classesComeFromWhatTheRequestDoesAndWhoSendsIt() {
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/payments", USER, null)).isEqualTo(PriorityClass.CHECKOUT);
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/orders", USER, null)).isEqualTo(PriorityClass.CHECKOUT);
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/payments/12/refunds", USER, null))
			.isEqualTo(PriorityClass.CHECKOUT);
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/transfers", USER, null)).isEqualTo(PriorityClass.TRANSFER);
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/users/37/deposits", USER, null))
			.isEqualTo(PriorityClass.TRANSFER);
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/orders/12/cancel", USER, null))
			.isEqualTo(PriorityClass.TRANSFER);
		assertThat(PriorityClass.of(HttpMethod.GET, "/api/payments/12", USER, null)).isEqualTo(PriorityClass.READ);
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/payments", USER, "shadow"))
			.isEqualTo(PriorityClass.BACKGROUND);
		assertThat(PriorityClass.of(HttpMethod.POST, "/api/payments",
				Caller.user(new UserId(1_000_037L), Set.of(Role.USER, Role.LOADTEST)), null))
			.isEqualTo(PriorityClass.BACKGROUND);
	}

	/** Admits requests of the class until refused; answers how many it admitted. */
	private static int admitted(ZoneLimiter zone, PriorityClass priority, List<ZoneLimiter.Permit> held) {
		int admitted = 0;
		for (ZoneLimiter.Permit permit = zone.tryAcquire(priority); permit != null; permit = zone
			.tryAcquire(priority)) {
			held.add(permit);
			admitted++;
		}
		return admitted;
	}

	/**
	 * Fills the zone to its limit and answers every request after a window has passed.
	 */
	private static void busyWindow(ZoneLimiter zone) {
		List<ZoneLimiter.Permit> held = new ArrayList<>();
		admitted(zone, PriorityClass.CHECKOUT, held);
		long windowEnds = System.nanoTime() + Duration.ofMillis(2).toNanos();
		while (System.nanoTime() < windowEnds) {
			Thread.onSpinWait();
		}
		held.forEach(ZoneLimiter.Permit::answered);
	}

	private static AdmissionProperties fixed(int limit) {
		return new AdmissionProperties(true, limit, limit, limit, Duration.ofSeconds(1), 0.9, Duration.ofMillis(100),
				Duration.ofSeconds(1));
	}

	private static AdmissionProperties adaptive(Duration target) {
		return new AdmissionProperties(true, 20, 4, 200, target, 0.9, Duration.ofMillis(100), Duration.ofSeconds(1));
	}

}
