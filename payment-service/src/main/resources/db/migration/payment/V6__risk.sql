-- Risk control's data, with the shard's: a user's features (kept as the user's payments and transfers are decided)
-- and every decision, each row carrying the user's shard, fenced by its lease (db/zonepay-shard-leases V2), copied by a
-- split and adopted with the group on a failover.
create table risk_features (
    user_id    bigint      primary key check (user_id > 0),
    shard      smallint    not null check (shard between 0 and 99),
    -- RiskState as JSON: rolling windows of attempts, amounts and failures; amount statistics; known counterparties.
    state      jsonb       not null,
    updated_at timestamptz not null,
    check (user_id % 100 = shard)
);

create table risk_decisions (
    -- The payment's or the transfer's id.
    subject_id     bigint           primary key check (subject_id > 0),
    kind           varchar(10)      not null check (kind in ('PAYMENT', 'TRANSFER')),
    user_id        bigint           not null check (user_id > 0),
    shard          smallint         not null check (shard between 0 and 99),
    outcome        varchar(10)      not null check (outcome in ('ALLOW', 'BLOCK', 'REVIEW')),
    score          double precision check (score between 0 and 1),
    -- The rules that held, the deciding one first; the features decided on, by name.
    rules          jsonb            not null,
    features       jsonb            not null,
    policy_version varchar(64)      not null,
    model_version  varchar(64),
    mode           varchar(12)      not null,
    fallback       varchar(300),
    latency_micros bigint           not null check (latency_micros >= 0),
    decided_at     timestamptz      not null,
    check (user_id % 100 = shard),
    check (subject_id % 100 = shard)
);

create index risk_decisions_by_user_and_time on risk_decisions (user_id, decided_at);
create index risk_decisions_by_time on risk_decisions (decided_at);
