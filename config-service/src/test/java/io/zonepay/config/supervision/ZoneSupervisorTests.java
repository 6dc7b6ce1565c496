package io.zonepay.config.supervision;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.config.supervision.ZoneHealth.Health;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ZoneSupervisorTests {

	/**
	 * The local layout: rz1 and rz2 in hz, rz3 and rz4 in sh, 25 shards each, each the
	 * other's standby in its city.
	 */
	static final Topology FOUR_ZONES = topology(rzone("rz1", "hz", "0-24", "rz2"), rzone("rz2", "hz", "25-49", "rz1"),
			rzone("rz3", "sh", "50-74", "rz4"), rzone("rz4", "sh", "75-99", "rz3"));

	/**
	 * Three RZones in hz and two in sh, of different sizes: rz1 30 shards, rz2 20, rz5
	 * 10, rz3 20, rz4 20.
	 */
	static final Topology FIVE_ZONES = topology(rzone("rz1", "hz", "0-29", "rz2"), rzone("rz2", "hz", "30-49", "rz1"),
			rzone("rz5", "hz", "50-59", "rz1"), rzone("rz3", "sh", "60-79", "rz4"), rzone("rz4", "sh", "80-99", "rz3"));

	static final Duration UNRESPONSIVE_FOR = Duration.ofSeconds(15);

	static final Duration ROUND = Duration.ofSeconds(1);

	final FakeHealthChecker zones = new FakeHealthChecker();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	static final Duration SILENT_BEFORE_DOWN = Duration.ofSeconds(2);

	/** What the gateways report: how long each zone has answered none of its traffic. */
	final Map<ZoneId, Duration> silences = new java.util.HashMap<>();

	boolean automaticFailover = true;

	@Test
	void aZoneThatMissesEnoughChecksIsMarkedDownAndItsShardsGoToItsStandbyInOneEpoch(CapturedOutput output) {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		supervised.rounds(1);
		zones.kill("rz1");

		supervised.rounds(2);
		assertThat(supervised.table().epoch()).as("two misses are not enough").isEqualTo(1);
		assertThat(supervised.supervisor().health(zone("rz1"))).extracting(ZoneHealth::misses, ZoneHealth::health)
			.containsExactly(2, Health.DOWN);

		supervised.rounds(1);
		RoutingTable table = supervised.table();
		assertThat(table.epoch()).isEqualTo(2);
		assertThat(status(table, "rz1")).isEqualTo(ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz1"))).isEmpty();
		assertThat(table.shardsOf(zone("rz2"))).hasSize(50).contains(Shard.of(0), Shard.of(24), Shard.of(49));
		assertThat(table.shardsOf(zone("rz3"))).hasSize(25);
		assertThat(failovers("rz1", "auto")).isEqualTo(1);
		assertThat(meters.get("zonepay.zone.health").tag("zone", "rz1").gauge().value()).isZero();
		assertThat(meters.get("zonepay.zone.health").tag("zone", "rz2").gauge().value()).isOne();
		assertThat(output).contains("WARN")
			.contains("Zone rz1 missed 3 health checks in a row: DOWN at epoch 2, its 25 shards moved to rz2");

		supervised.rounds(3);
		assertThat(supervised.table().epoch()).as("a dead zone that is DOWN already changes nothing more").isEqualTo(2);
	}

	@Test
	void aZoneThatMissesACheckWhileItsTrafficGetsNoAnswerIsFrozenAndMarkedDownAtOnce() {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		supervised.rounds(1);
		zones.freeze("rz2");
		silences.put(zone("rz2"), Duration.ofMillis(2_400));

		supervised.rounds(1);
		RoutingTable table = supervised.table();
		assertThat(table.epoch()).as("one missed check and a silent zone").isEqualTo(2);
		assertThat(status(table, "rz2")).isEqualTo(ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz1"))).hasSize(50);
	}

	@Test
	void aBusyZoneThatMissesChecksButAnswersItsTrafficIsNotFailedOver() {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		supervised.rounds(1);
		zones.freeze("rz2");
		silences.put(zone("rz2"), Duration.ofMillis(600));
		silences.put(zone("rz3"), Duration.ofSeconds(5));

		supervised.rounds(5);
		assertThat(supervised.table().epoch()).as("rz2 answers its traffic; rz3 answers its checks").isEqualTo(1);
		assertThat(supervised.supervisor().health(zone("rz2")).misses()).isEqualTo(5);
	}

	@Test
	void aZoneWhoseChecksTimeOutIsMarkedDownOnlyOnceItHasNotAnsweredForTheUnresponsiveBound(CapturedOutput output) {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		supervised.rounds(1);
		zones.freeze("rz3");

		// Busy, not frozen: an answer now and then within the bound keeps it up.
		supervised.rounds(15);
		zones.revive("rz3");
		supervised.rounds(1);
		zones.freeze("rz3");
		supervised.rounds(15);
		assertThat(supervised.table().epoch()).isEqualTo(1);
		assertThat(supervised.supervisor().health(zone("rz3")).misses()).isEqualTo(15);

		// Frozen: no answer for 15 s (the 16th miss in a row, a round a second) and it
		// goes.
		supervised.rounds(1);
		RoutingTable table = supervised.table();
		assertThat(table.epoch()).isEqualTo(2);
		assertThat(status(table, "rz3")).isEqualTo(ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz4"))).hasSize(50);
		assertThat(output).contains("Zone rz3 missed 16 health checks in a row: DOWN at epoch 2");
	}

	@Test
	void slowChecksInARoundWhereMostZonesAreSlowCountAgainstNoneOfThemButARefusalStillDoes(CapturedOutput output) {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		supervised.rounds(1);
		zones.freeze("rz1", "rz2", "rz3");
		zones.kill("rz4");

		supervised.rounds(40);

		RoutingTable table = supervised.table();
		assertThat(status(table, "rz1")).isEqualTo(ZoneStatus.UP);
		assertThat(status(table, "rz2")).isEqualTo(ZoneStatus.UP);
		assertThat(status(table, "rz3")).as("slow like the others: this GZone's own view, most likely")
			.isEqualTo(ZoneStatus.UP);
		assertThat(supervised.supervisor().health(zone("rz1")).misses()).isZero();
		assertThat(status(table, "rz4")).as("refused: gone, however busy the rest").isEqualTo(ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz3"))).hasSize(50);
		assertThat(output).containsOnlyOnce(
				"3 of 4 zones were slow to answer their health checks at once: not counted against any of them");

		zones.revive("rz1", "rz2");
		supervised.rounds(15);
		assertThat(status(supervised.table(), "rz3")).as("slow alone for 14 s").isEqualTo(ZoneStatus.UP);
		supervised.rounds(1);
		assertThat(status(supervised.table(), "rz3")).as("slow alone for 15 s").isEqualTo(ZoneStatus.DOWN);
	}

	@Test
	void aZoneThatJustTookAFailedZonesShardsIsNotFailedOverAutomaticallyWhenItMissesChecks(CapturedOutput output) {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO, Duration.ofSeconds(60));
		supervised.rounds(1);
		zones.kill("rz1");
		supervised.rounds(3);
		assertThat(supervised.table().shardsOf(zone("rz2"))).hasSize(50);

		// rz2, busy with rz1's shards on top of its own, stops answering in time: passing
		// 50 shards on would cascade.
		zones.kill("rz2");
		supervised.rounds(5);

		RoutingTable table = supervised.table();
		assertThat(table.epoch()).isEqualTo(2);
		assertThat(status(table, "rz2")).isEqualTo(ZoneStatus.UP);
		assertThat(table.shardsOf(zone("rz2"))).hasSize(50);
		assertThat(output).contains("Zone rz2 misses its health checks while absorbing").contains("cascade guard");
	}

	@Test
	void withAutomaticFailoverOffADeadZoneIsMarkedDownButKeepsItsShards(CapturedOutput output) {
		automaticFailover = false;
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		zones.kill("rz3");

		supervised.rounds(5);

		RoutingTable table = supervised.table();
		assertThat(table.epoch()).isEqualTo(2);
		assertThat(status(table, "rz3")).isEqualTo(ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz3"))).hasSize(25);
		assertThat(failovers("rz3", "auto")).isZero();
		assertThat(output).contains("failover.auto is off, so its 25 shards stay with it");

		automaticFailover = true;
		supervised.rounds(1);
		assertThat(supervised.table().shardsOf(zone("rz4"))).as("once the switch is on, the DOWN zone's shards move")
			.hasSize(50);
		assertThat(supervised.table().epoch()).isEqualTo(3);
		assertThat(failovers("rz3", "auto")).isEqualTo(1);
	}

	@Test
	void whenTheStandbyIsDownTheShardsGoToAnotherZoneOfTheSameCityBeforeALessLoadedOneElsewhere() {
		Supervised supervised = supervise(FIVE_ZONES, Duration.ZERO);
		zones.kill("rz2");
		supervised.rounds(3);
		assertThat(supervised.table().shardsOf(zone("rz1"))).as("rz2's standby").hasSize(50);

		zones.kill("rz1");
		supervised.rounds(3);

		RoutingTable table = supervised.table();
		assertThat(table.epoch()).isEqualTo(3);
		assertThat(status(table, "rz1")).isEqualTo(ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz5"))).as("rz5 is in hz with 10 shards; rz3 and rz4 in sh have 20 each")
			.hasSize(60);
		assertThat(table.shardsOf(zone("rz3"))).hasSize(20);
	}

	@Test
	void withNoUpZoneInItsCityTheShardsGoToTheZoneWithTheFewestShardsAnywhere() {
		Supervised supervised = supervise(FIVE_ZONES, Duration.ZERO);
		zones.kill("rz3", "rz4");

		supervised.rounds(3);

		RoutingTable table = supervised.table();
		assertThat(table.epoch()).as("both zones fail over in one epoch").isEqualTo(2);
		assertThat(status(table, "rz3")).isEqualTo(ZoneStatus.DOWN);
		assertThat(status(table, "rz4")).isEqualTo(ZoneStatus.DOWN);
		assertThat(table.ownerOf(Shard.of(60))).as("rz3's: to rz5, the emptiest").isEqualTo(zone("rz5"));
		assertThat(table.ownerOf(Shard.of(80))).as("rz4's: to rz2, the emptiest once rz5 took rz3's")
			.isEqualTo(zone("rz2"));
		assertThat(failovers("rz3", "auto")).isEqualTo(1);
		assertThat(failovers("rz4", "auto")).isEqualTo(1);
	}

	@Test
	void aDownZoneThatAnswersAgainIsMarkedUpWithNoShards() {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		zones.kill("rz1");
		supervised.rounds(3);
		zones.revive("rz1");

		supervised.rounds(2);
		assertThat(status(supervised.table(), "rz1")).as("two answers are not enough").isEqualTo(ZoneStatus.DOWN);
		assertThat(supervised.supervisor().health(zone("rz1")).health()).isEqualTo(Health.UP);

		supervised.rounds(1);
		RoutingTable table = supervised.table();
		assertThat(table.epoch()).isEqualTo(3);
		assertThat(status(table, "rz1")).isEqualTo(ZoneStatus.UP);
		assertThat(table.shardsOf(zone("rz1"))).isEmpty();
		assertThat(table.shardsOf(zone("rz2"))).hasSize(50);
	}

	@Test
	void theLastUpZoneIsMarkedDownWithItsShardsAndTheyGoToTheFirstZoneThatAnswersAgain(CapturedOutput output) {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		zones.kill("rz1", "rz2", "rz3");
		supervised.rounds(3);
		assertThat(supervised.table().shardsOf(zone("rz4"))).hasSize(100);

		zones.kill("rz4");
		supervised.rounds(3);

		RoutingTable table = supervised.table();
		assertThat(table.epoch()).isEqualTo(3);
		assertThat(table.zones()).filteredOn(zone -> zone.kind() == ZoneKind.RZONE)
			.allMatch(zone -> zone.status() == ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz4"))).as("moved to nobody they would be served by nobody").hasSize(100);
		assertThat(output).contains("ERROR")
			.contains("Zone rz4 missed 3 health checks in a row: DOWN at epoch 3, but no UP RZone is left");

		zones.revive("rz2");
		supervised.rounds(3);
		assertThat(supervised.table().epoch()).isEqualTo(4);
		assertThat(status(supervised.table(), "rz2")).isEqualTo(ZoneStatus.UP);
		assertThat(supervised.table().shardsOf(zone("rz2"))).as("nobody else can serve them").hasSize(100);
	}

	@Test
	void aZoneThatHasNotAnsweredYetIsNotHeldToAccountDuringTheStartupGrace() {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ofHours(1));
		zones.kill("rz1");
		supervised.rounds(1);
		zones.kill("rz2");

		supervised.rounds(5);

		RoutingTable table = supervised.table();
		assertThat(status(table, "rz1")).as("still starting, as far as anyone knows").isEqualTo(ZoneStatus.UP);
		assertThat(supervised.supervisor().health(zone("rz1"))).extracting(ZoneHealth::misses, ZoneHealth::health)
			.containsExactly(0, Health.DOWN);
		assertThat(status(table, "rz2")).as("it answered once").isEqualTo(ZoneStatus.DOWN);
		assertThat(table.shardsOf(zone("rz1"))).as("rz2's standby is UP as far as routing goes").hasSize(50);
	}

	@Test
	void aZoneNeverCheckedIsUnknown() {
		Supervised supervised = supervise(FOUR_ZONES, Duration.ZERO);
		assertThat(supervised.supervisor().health(zone("rz1"))).isEqualTo(ZoneHealth.UNCHECKED);
		assertThat(ZoneHealth.UNCHECKED.health()).isEqualTo(Health.UNKNOWN);
	}

	private Supervised supervise(Topology topology, Duration startupGrace) {
		return supervise(topology, startupGrace, Duration.ZERO);
	}

	private Supervised supervise(Topology topology, Duration startupGrace, Duration cascadeGuard) {
		FakeRoutingChanges routing = new FakeRoutingChanges(topology.initialRoutingTable());
		SupervisorProperties properties = new SupervisorProperties(true, Duration.ofMillis(500), Duration.ofMillis(300),
				3, 100, "/actuator/liveness-watch", "/actuator/health/liveness", startupGrace, cascadeGuard,
				UNRESPONSIVE_FOR, SILENT_BEFORE_DOWN, Duration.ofMillis(500));
		RoundClock clock = new RoundClock(Instant.parse("2025-01-01T00:00:00Z"));
		return new Supervised(new ZoneSupervisor(zones, () -> Map.copyOf(silences), routing, () -> automaticFailover,
				new Standbys(topology), new ZoneMeters(meters), properties, clock), routing, clock);
	}

	private double failovers(String zone, String trigger) {
		Counter counter = meters.find("zonepay.failovers").tags("zone", zone, "trigger", trigger).counter();
		return counter == null ? 0 : counter.count();
	}

	private static ZoneStatus status(RoutingTable table, String zone) {
		return table.zone(zone(zone)).orElseThrow().status();
	}

	private static ZoneId zone(String id) {
		return ZoneId.of(id);
	}

	/**
	 * A clock the test moves: a round of checks takes time, which the unresponsive bound
	 * counts.
	 */
	static final class RoundClock extends Clock {

		private Instant now;

		RoundClock(Instant start) {
			this.now = start;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	static Topology topology(Topology.ZoneSpec... rzones) {
		List<Topology.ZoneSpec> zones = new ArrayList<>(List.of(
				new Topology.ZoneSpec(ZoneId.of("gz"), ZoneKind.GZONE, CityId.of("hz"), null, null, null, Map.of()),
				new Topology.ZoneSpec(ZoneId.of("cz-hz"), ZoneKind.CZONE, CityId.of("hz"), null, null, null, Map.of()),
				new Topology.ZoneSpec(ZoneId.of("cz-sh"), ZoneKind.CZONE, CityId.of("sh"), null, null, null,
						Map.of())));
		zones.addAll(List.of(rzones));
		return new Topology(List.of(new Topology.City(CityId.of("hz"), null), new Topology.City(CityId.of("sh"), null)),
				zones);
	}

	static Topology.ZoneSpec rzone(String id, String city, String shards, String standby) {
		return new Topology.ZoneSpec(ZoneId.of(id), ZoneKind.RZONE, CityId.of(city), ShardSet.of(shards),
				ShardGroupId.of("sg_" + id), ZoneId.of(standby),
				Map.of("account", URI.create("http://" + id + "-account:8080")));
	}

	/**
	 * A supervisor over routing in memory; a round takes an interval plus a check
	 * timeout.
	 */
	record Supervised(ZoneSupervisor supervisor, FakeRoutingChanges routing, RoundClock clock) {

		void rounds(int count) {
			for (int round = 0; round < count; round++) {
				supervisor.superviseOnce();
				clock.advance(ROUND);
			}
		}

		RoutingTable table() {
			return routing.table();
		}
	}

}
