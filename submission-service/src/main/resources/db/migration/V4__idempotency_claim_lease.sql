-- A key's claim is a lease that the living request renews (a heartbeat every few seconds): when the process that
-- held it dies, the key is free again within the lease, not after minutes. The token names the one claim that may
-- complete the key, in the same transaction as the request's effect.
alter table idempotency_key add column claim_token uuid;
alter table idempotency_key add column lease_until timestamptz;
update idempotency_key set lease_until = created_at where state = 'IN_PROGRESS';
