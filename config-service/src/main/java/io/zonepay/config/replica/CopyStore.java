package io.zonepay.config.replica;

import java.util.List;
import java.util.Optional;

import io.zonepay.config.global.Change;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.Snapshot;

/**
 * Where a {@link Replicator} keeps its copy: a CZone's entities, or a standby GZone's
 * whole log. The position is always written in the transaction of the data it describes,
 * or alone when it describes none.
 */
interface CopyStore {

	Optional<Position> load();

	/**
	 * Replaces the whole copy with a snapshot, to be followed from {@code nextOffset}.
	 */
	Position replaceAll(Snapshot snapshot, long nextOffset);

	/**
	 * Applies the changes of a batch, in version order; the caller's transaction also
	 * saves the position after them.
	 */
	void apply(List<Change> changes);

	void save(Position position, int applied);

	/**
	 * Saves the position after records that carry no change (heartbeats, transaction
	 * markers): one statement, in no transaction, as it describes no data.
	 */
	void advance(Position position);

	/** The first stored entity of a kind: the routing table. */
	Optional<Entity> entity(GlobalKind kind);

}
