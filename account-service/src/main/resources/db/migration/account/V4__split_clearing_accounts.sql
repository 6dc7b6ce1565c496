-- A live split's clearing account, one per shard group and currency (owner: the shard it is kept under). A transfer
-- within a group between a user who moves and one who stays is one posting: it stays with its shard, and the leg of the
-- account that left is re-pointed here; the account is opened in its new group against that group's clearing account.
-- The clearing accounts of all groups sum to zero, so it may go negative like FUNDING and TRANSIT.
alter table accounts drop constraint accounts_kind_check;
alter table accounts add constraint accounts_kind_check
    check (kind in ('USER', 'FUNDING', 'MERCHANT', 'TRANSIT', 'CLEARING'));
alter table accounts drop constraint balance_never_negative;
alter table accounts add constraint balance_never_negative check (balance >= 0 or kind in ('FUNDING', 'TRANSIT', 'CLEARING'));
