-- A transit account is a shard's position towards other zones. The payer's zone credits it when a transfer leaves for
-- another zone; the payee's zone debits it when the transfer arrives, with nothing else to take the money from. So a
-- transit account goes negative like a funding account, and across all zones the transit accounts of a currency sum to
-- what is in flight between them (zero when nothing is).
alter table accounts drop constraint balance_never_negative;
alter table accounts add constraint balance_never_negative check (balance >= 0 or kind in ('FUNDING', 'TRANSIT'));
