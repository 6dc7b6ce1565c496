-- The reconciler finds transfers whose money has been in transit long (their request may have been dead-lettered).
create index transfers_in_transit on transfers (updated_at) where status = 'DEBITED';
