-- Risk policies (global data): every policy ever set, by its version, so that the version a decision records names
-- exactly one set of rules; and which policy each slot holds: the one every zone enforces, and the candidate they
-- evaluate beside it in shadow. A slot with no policy: the zones enforce the policy they ship with, or shadow none.
create table risk_policies (
    policy_version varchar(64) primary key,
    document       jsonb       not null,
    version        bigint      not null
);

create table risk_policy_slots (
    slot           varchar(16) primary key check (slot in ('enforced', 'shadow')),
    policy_version varchar(64) references risk_policies (policy_version),
    version        bigint      not null
);
