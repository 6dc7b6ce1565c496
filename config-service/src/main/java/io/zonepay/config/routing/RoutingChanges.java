package io.zonepay.config.routing;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way the GZone changes routing after its bootstrap: operators' moves and
 * failovers and the zone supervisor's verdicts all plan their change on the newest stored
 * table, one at a time.
 */
public interface RoutingChanges {

	/**
	 * The newest stored table, unlocked: to look at, never to build a change on. None
	 * before the bootstrap stored one.
	 */
	Optional<StoredRouting> newest();

	/**
	 * Plans a change on the newest stored table while no other change can run, and stores
	 * it at the next epoch; a plan that changes nothing stores nothing and answers the
	 * newest table as it is. A planner that throws changes nothing.
	 */
	StoredRouting change(Consumer<RoutingPlan> planner);

}
