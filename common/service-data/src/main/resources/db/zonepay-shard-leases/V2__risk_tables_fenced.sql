-- payment-service's risk tables (its V6) are sharded by their user's shard: fenced like the other business tables.
do
$$
declare
    fenced text;
begin
    foreach fenced in array array ['risk_features', 'risk_decisions']
        loop
            if to_regclass(fenced) is not null then
                execute format('create or replace trigger %I before insert or update or delete on %I for each row execute function zonepay_fence(%L)',
                               fenced || '_fenced', fenced, 'shard');
            end if;
        end loop;
end;
$$;
