package io.zonepay.config.switches;

import java.util.Map;
import java.util.stream.Collectors;

import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.TypedTable;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.kernel.global.Switches;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GZone's switches: each flip logged as a change and stored in the typed table in one
 * transaction.
 */
@Repository
public class SwitchStore implements TypedTable {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final JsonMapper json;

	SwitchStore(JdbcClient jdbc, ChangeLog changes, JsonMapper json) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.json = json;
	}

	/** Sets a switch (its value already validated); answers the version of the change. */
	@Transactional
	public long put(String name, String value) {
		long version = changes.record(GlobalKind.SWITCH, name, new SwitchDocument(name, value)).version();
		store(name, value, version);
		return version;
	}

	@Override
	public GlobalKind kind() {
		return GlobalKind.SWITCH;
	}

	@Override
	public void project(Entity change) {
		SwitchDocument document = json.treeToValue(change.document(), SwitchDocument.class);
		store(document.name(), document.value(), change.version());
	}

	private void store(String name, String value, long version) {
		jdbc.sql("""
				insert into switches (name, value, version) values (?, ?, ?)
				on conflict (name) do update set value = excluded.value, version = excluded.version
				""").params(name, value, version).update();
	}

	/**
	 * The switches as the GZone holds them now; those nobody set read as their defaults.
	 */
	public Switches current() {
		return new Switches(jdbc.sql("select name, value from switches")
			.query((rs, row) -> Map.entry(rs.getString("name"), rs.getString("value")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	/** A switch as global data carries it. */
	public record SwitchDocument(String name, String value) {
	}

}
