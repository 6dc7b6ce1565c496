package io.zonepay.kernel.traffic;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrafficScopeTests {

	@Test
	void anUnboundThreadIsReal() {
		assertThat(TrafficScope.current()).isEqualTo(Traffic.REAL);
	}

	@Test
	void aScopeBindsUntilItClosesAndRestoresWhatWasBound() {
		try (TrafficScope.Scope outer = TrafficScope.enter(Traffic.SHADOW)) {
			try (TrafficScope.Scope inner = TrafficScope.enter(Traffic.REAL)) {
				assertThat(TrafficScope.current()).isEqualTo(Traffic.REAL);
			}
			assertThat(TrafficScope.isShadow()).isTrue();
		}
		assertThat(TrafficScope.current()).isEqualTo(Traffic.REAL);
	}

	@Test
	void carriedWorkRunsAsTheTrafficThatHandedItOver() throws InterruptedException {
		AtomicReference<Traffic> seen = new AtomicReference<>();
		Runnable work;
		try (TrafficScope.Scope ignored = TrafficScope.enter(Traffic.SHADOW)) {
			work = TrafficScope.carried(() -> seen.set(TrafficScope.current()));
		}
		Thread other = Thread.ofPlatform().start(work);
		other.join();
		assertThat(seen).hasValue(Traffic.SHADOW);
	}

	@Test
	void anUnreadableTagIsNeverTakenForRealTraffic() {
		assertThat(Traffic.ofTag(null)).isEqualTo(Traffic.REAL);
		assertThat(Traffic.ofTag("shadow")).isEqualTo(Traffic.SHADOW);
		assertThatIllegalArgumentException().isThrownBy(() -> Traffic.ofTag("Shadow"));
	}

}
