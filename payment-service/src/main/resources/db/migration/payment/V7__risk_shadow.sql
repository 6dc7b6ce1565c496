-- What the policy in shadow would have decided, beside what the enforced one did: recorded, never enforced, so that a
-- candidate is judged on real traffic before it is promoted. Empty while no policy runs in shadow.
alter table risk_decisions
    add column shadow_policy_version varchar(64),
    add column shadow_outcome        varchar(10) check (shadow_outcome in ('ALLOW', 'BLOCK', 'REVIEW')),
    add column shadow_rules          jsonb,
    add check ((shadow_policy_version is null) = (shadow_outcome is null));
