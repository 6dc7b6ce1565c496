-- Risk signals (global data): what operators or an upstream system say about a user or a merchant, shared by every
-- zone: a risk from 0 to 1 and whether it is on the block list. A cleared signal stays here at 0, out of the zones'
-- view.
create table risk_signals (
    subject varchar(40)      primary key,
    risk    double precision not null check (risk between 0 and 1),
    blocked boolean          not null,
    reason  varchar(200),
    version bigint           not null
);
