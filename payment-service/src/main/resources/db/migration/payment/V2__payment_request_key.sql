-- The request that made a payment (caller and Idempotency-Key): a retry of that request, even one that took the key
-- over after a crash, resumes this payment and answers with it; any other request for the order is told it is paid.
-- Null only for payments made before requests were recorded.
alter table payments add column request_key varchar(330);
create unique index payments_by_request_key on payments (request_key);
