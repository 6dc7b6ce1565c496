package io.zonepay.config.global;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Global entities as readers see them, in {@code global_entities}: the same table in the
 * GZone and in every CZone.
 */
@Repository
public class EntityStore {

	private static final String PUT_IF_NEWER = """
			insert into global_entities (kind, entity_key, document, version) values (?, ?, cast(? as jsonb), ?)
			on conflict (kind, entity_key) do update set document = excluded.document, version = excluded.version
			where global_entities.version < excluded.version
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final JsonMapper json;

	EntityStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.json = json;
	}

	public Optional<Entity> find(GlobalKind kind, String key) {
		return jdbc
			.sql("select kind, entity_key, version, document from global_entities where kind = ? and entity_key = ?")
			.params(kind.name(), key)
			.query(this::entity)
			.optional();
	}

	/**
	 * The entities of a kind stored under these keys, in one statement; a key none is
	 * stored under is left out.
	 */
	public List<Entity> findAll(GlobalKind kind, List<String> keys) {
		return jdbc
			.sql("select kind, entity_key, version, document from global_entities"
					+ " where kind = ? and entity_key = any(?) order by entity_key")
			.params(kind.name(), keys.toArray(String[]::new))
			.query(this::entity)
			.list();
	}

	/** The stored version of an entity, without its document. */
	public Optional<Long> version(GlobalKind kind, String key) {
		return jdbc.sql("select version from global_entities where kind = ? and entity_key = ?")
			.params(kind.name(), key)
			.query(Long.class)
			.optional();
	}

	public List<Entity> all(GlobalKind kind) {
		return jdbc
			.sql("select kind, entity_key, version, document from global_entities where kind = ? order by entity_key")
			.param(kind.name())
			.query(this::entity)
			.list();
	}

	public List<Entity> everything() {
		return jdbc.sql("select kind, entity_key, version, document from global_entities order by kind, entity_key")
			.query(this::entity)
			.list();
	}

	/**
	 * The version of the newest change to an entity every reader keeps in its view (all
	 * but merchants).
	 */
	public long viewVersion() {
		return jdbc.sql("select coalesce(max(version), 0) from global_entities where kind <> ?")
			.param(GlobalKind.MERCHANT.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Stores an entity unless a newer version of it is stored already; answers whether it
	 * did.
	 */
	public boolean putIfNewer(Entity entity) {
		return jdbc.sql(PUT_IF_NEWER)
			.params(entity.kind().name(), entity.key(), json.writeValueAsString(entity.document()), entity.version())
			.update() == 1;
	}

	/**
	 * Stores a batch of entities in one round trip, each unless a newer version of it is
	 * stored already.
	 */
	public void putAllIfNewer(List<Entity> batch) {
		batches.batchUpdate(PUT_IF_NEWER,
				batch.stream()
					.map(entity -> new Object[] { entity.kind().name(), entity.key(),
							json.writeValueAsString(entity.document()), entity.version() })
					.toList());
	}

	public void deleteAll() {
		jdbc.sql("delete from global_entities").update();
	}

	private Entity entity(ResultSet rs, int row) throws SQLException {
		return new Entity(GlobalKind.valueOf(rs.getString("kind")), rs.getString("entity_key"), rs.getLong("version"),
				json.readTree(rs.getString("document")));
	}

}
