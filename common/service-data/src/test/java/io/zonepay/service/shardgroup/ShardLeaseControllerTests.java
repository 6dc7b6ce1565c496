package io.zonepay.service.shardgroup;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.shadow.ShadowProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a service of the zone may say about the shards it released, and what is refused.
 */
class ShardLeaseControllerTests {

	private static final ShardGroups GROUP = ShardGroups.single(ShardGroupId.of("sg1"));

	/**
	 * The ledger's leases, which wait for payment-service's word; no database is reached.
	 */
	private final ShardLeases leases = new ShardLeases(ZoneId.of("rz1"), new RoutingTables(), GROUP,
			new ShardGroupDataSource(new HikariDataSource(), GROUP, ShadowProperties.defaults()),
			new ShardLeaseProperties(null, null, null, null, null, null, null, List.of("payment")), database -> {
			});

	private final ShardLeaseController controller = new ShardLeaseController(leases);

	@Test
	void aServiceOfTheZoneSaysWhatItReleasedAndHearsWhetherItIsHeeded() {
		assertThat(
				controller.released(new ShardLeaseController.Released("payment", 3, List.of(13, 14)), Caller.system())
					.heeded())
			.isTrue();
		assertThat(controller.released(new ShardLeaseController.Released("order", 3, List.of(13)), Caller.system())
			.heeded()).as("not a caller of this service").isFalse();
	}

	@Test
	void onlyZonePaysOwnServicesMaySay() {
		Caller admin = Caller.user(new UserId(1), Set.of(Role.ADMIN));

		assertThatThrownBy(
				() -> controller.released(new ShardLeaseController.Released("payment", 3, List.of(13)), admin))
			.isInstanceOfSatisfying(ProblemException.class,
					ex -> assertThat(ex.problem()).isEqualTo(CommonProblem.FORBIDDEN));
	}

	@Test
	void aWordWithoutItsServiceEpochOrValidShardsIsAProblem() {
		List<ShardLeaseController.Released> bad = List.of(new ShardLeaseController.Released(null, 3, List.of(13)),
				new ShardLeaseController.Released("payment", 0, List.of(13)),
				new ShardLeaseController.Released("payment", 3, List.of()),
				new ShardLeaseController.Released("payment", 3, List.of(100)),
				new ShardLeaseController.Released("payment", 3, Arrays.asList(13, null)));

		for (ShardLeaseController.Released word : bad) {
			assertThatThrownBy(() -> controller.released(word, Caller.system())).as(word.toString())
				.isInstanceOfSatisfying(ProblemException.class,
						ex -> assertThat(ex.problem()).isEqualTo(CommonProblem.VALIDATION_FAILED));
		}
	}

}
