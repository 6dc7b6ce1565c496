-- The Location of a completed request's answer (a 201's new resource), so that a replay answers it as the first did.
alter table idempotency_keys add column if not exists response_location varchar(500);
