-- order-service's own tables arrive with the payment-domain issue. The shared tables every service needs
-- (idempotency keys) come from service-support's schema, migrated with its own history (SupportSchema).
select 1;
