package io.zonepay.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PeriodicTaskTests {

	@Test
	void aRestingTaskRunsAtItsPaceWhileItHasMoreToDoThenWaitsForATrigger() {
		AtomicInteger runs = new AtomicInteger();
		PeriodicTask task = PeriodicTask.resting("test-task", Duration.ofMillis(10), Duration.ofMinutes(10),
				() -> runs.incrementAndGet() < 3);
		task.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 3);
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 3);

			task.trigger();

			await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 4);
		}
		finally {
			task.stop();
		}
		assertThat(task.isRunning()).isFalse();
	}

	@Test
	void aFixedTaskKeepsItsPaceAndAFailedRunDoesNotStopIt() {
		AtomicInteger runs = new AtomicInteger();
		PeriodicTask task = new PeriodicTask("test-task", Duration.ZERO, Duration.ofMillis(10), () -> {
			if (runs.incrementAndGet() == 2) {
				throw new IllegalStateException("the second run fails");
			}
		});
		task.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 5);
		}
		finally {
			task.stop();
		}
	}

	@Test
	void triggersWithinALingerAreAnsweredByOneRun() {
		AtomicInteger runs = new AtomicInteger();
		PeriodicTask task = PeriodicTask.resting("test-task", Duration.ofMinutes(10), Duration.ofMinutes(10), () -> {
			runs.incrementAndGet();
			return false;
		});
		task.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);

			for (int i = 0; i < 20; i++) {
				task.trigger(Duration.ofMillis(300));
			}

			await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 2);
			task.trigger(Duration.ofMillis(300));
			await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 3);
		}
		finally {
			task.stop();
		}
	}

}
