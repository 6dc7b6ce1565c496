package io.zonepay.config.replica;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.zonepay.config.global.Change;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.Snapshot;
import io.zonepay.config.global.TypedTable;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A standby GZone's copy: everything a writer holds, filled from its log. Each change
 * goes where the writer put it: the entities readers see, the change log at the same
 * version and term, and the typed tables with their invariants, so that a promoted
 * standby writes on from the last version it holds as if it had always been the writer.
 */
final class StandbyStore implements CopyStore {

	private final ReplicaStore entities;

	private final ChangeLog log;

	private final Map<GlobalKind, TypedTable> tables;

	private final TransactionTemplate transactions;

	StandbyStore(ReplicaStore entities, ChangeLog log, List<TypedTable> tables, TransactionTemplate transactions) {
		this.entities = entities;
		this.log = log;
		this.tables = tables.stream().collect(Collectors.toUnmodifiableMap(TypedTable::kind, Function.identity()));
		this.transactions = transactions;
	}

	@Override
	public Optional<Position> load() {
		return entities.load();
	}

	@Override
	public Position replaceAll(Snapshot snapshot, long nextOffset) {
		return transactions.execute(status -> {
			Position position = entities.replaceAll(snapshot, nextOffset);
			log.restartAt(snapshot.version(), snapshot.sourceTime(), snapshot.term());
			// Entities come in kind order: currencies before the merchants that name
			// them.
			snapshot.entities().forEach(this::project);
			return position;
		});
	}

	@Override
	public void apply(List<Change> changes) {
		entities.apply(changes);
		for (Change change : changes) {
			log.copy(change);
			project(change.entity());
		}
	}

	@Override
	public void save(Position position, int applied) {
		entities.save(position, applied);
	}

	@Override
	public void advance(Position position) {
		entities.advance(position);
	}

	@Override
	public Optional<Entity> entity(GlobalKind kind) {
		return entities.entity(kind);
	}

	private void project(Entity entity) {
		TypedTable table = tables.get(entity.kind());
		if (table == null) {
			throw new IllegalStateException("no typed table holds " + entity.kind());
		}
		table.project(entity);
	}

}
