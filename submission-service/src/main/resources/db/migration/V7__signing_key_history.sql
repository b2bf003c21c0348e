-- Receipt key rotation: the configured key's public key is stored here too, under its kid, the first time the service
-- signs with it, so that receipts signed with a retired configured key keep verifying (JWKS, /receipts/verify).
-- A generated key (local and test runs) keeps its private part; a configured key never does.
comment on table signing_key is 'Every key that signed receipts, by kid; never deleted';
comment on column signing_key.jwk is 'JWK: public key only for a configured key, private part included for a generated one';
comment on column signing_key.created_at is 'When the service first signed with the key';
