package io.zonepay.config.risk;

import java.util.Optional;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.TypedTable;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GZone's risk policies: each slot's change logged as global data and stored in the
 * typed tables in one transaction. A policy's version is taken for good by the first set
 * of rules stored under it: a decision that names the version names those rules.
 */
@Repository
class RiskPolicyStore implements TypedTable {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final JsonMapper json;

	RiskPolicyStore(JdbcClient jdbc, ChangeLog changes, JsonMapper json) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.json = json;
	}

	/**
	 * Puts a policy in a slot, or empties it; answers the version of the change.
	 * @throws ProblemException {@code 409 RISK_POLICY_VERSION_TAKEN} when the version
	 * names other rules already
	 */
	@Transactional
	long set(Slot slot, @Nullable RiskPolicy policy) {
		if (policy != null) {
			requireVersionFree(policy);
		}
		long version = changes.record(GlobalKind.RISK_POLICY, slot.key(), new SlotDocument(slot, policy)).version();
		store(slot, policy, version);
		return version;
	}

	/**
	 * Enforces the shadow policy and empties the shadow slot, in one transaction.
	 * @throws ProblemException {@code 409 NO_SHADOW_POLICY} when there is none
	 */
	@Transactional
	Promoted promote() {
		RiskPolicy candidate = policyIn(Slot.SHADOW)
			.orElseThrow(() -> new ProblemException(ConfigProblem.NO_SHADOW_POLICY,
					"no policy runs in shadow; PUT one at /admin/risk/policies/shadow"));
		set(Slot.ENFORCED, candidate);
		return new Promoted(candidate.version(), set(Slot.SHADOW, null));
	}

	/** The policies as the GZone holds them now. */
	RiskPolicies current() {
		return new RiskPolicies(policyIn(Slot.ENFORCED).orElse(null), policyIn(Slot.SHADOW).orElse(null));
	}

	@Override
	public GlobalKind kind() {
		return GlobalKind.RISK_POLICY;
	}

	@Override
	public void project(Entity change) {
		SlotDocument document = json.treeToValue(change.document(), SlotDocument.class);
		store(document.slot(), document.policy(), change.version());
	}

	private Optional<RiskPolicy> policyIn(Slot slot) {
		return jdbc.sql("""
				select p.document::text from risk_policy_slots s join risk_policies p using (policy_version)
				where s.slot = ?
				""")
			.param(slot.key())
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, RiskPolicy.class));
	}

	private void requireVersionFree(RiskPolicy policy) {
		jdbc.sql("select document::text from risk_policies where policy_version = ?")
			.param(policy.version())
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, RiskPolicy.class))
			.filter(stored -> !stored.equals(policy))
			.ifPresent(stored -> {
				throw new ProblemException(ConfigProblem.RISK_POLICY_VERSION_TAKEN, "version " + policy.version()
						+ " names other rules already; give the changed policy a new version");
			});
	}

	private void store(Slot slot, @Nullable RiskPolicy policy, long version) {
		if (policy != null) {
			jdbc.sql("""
					insert into risk_policies (policy_version, document, version) values (?, ?::jsonb, ?)
					on conflict (policy_version) do nothing
					""").params(policy.version(), json.writeValueAsString(policy), version).update();
		}
		jdbc.sql("""
				insert into risk_policy_slots (slot, policy_version, version) values (?, ?, ?)
				on conflict (slot) do update set policy_version = excluded.policy_version, version = excluded.version
				""").params(slot.key(), policy == null ? null : policy.version(), version).update();
	}

	/** Where a policy runs: enforced by every zone, or beside it in shadow. */
	enum Slot {

		ENFORCED, SHADOW;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Optional<Slot> of(String key) {
			for (Slot slot : values()) {
				if (slot.key().equals(key)) {
					return Optional.of(slot);
				}
			}
			return Optional.empty();
		}

	}

	/** A slot as global data carries it. */
	record SlotDocument(Slot slot, @Nullable RiskPolicy policy) {
	}

	/** What a promotion did: the policy now enforced, and the version of the change. */
	record Promoted(String policyVersion, long version) {
	}

}
