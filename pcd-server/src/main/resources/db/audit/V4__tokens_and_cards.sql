-- Issue 15. The jtis of CDS clients' tokens, kept until the token expires: a restarted server, or
-- a second one on the same store, refuses a replayed token. token_key is the SHA-256 of issuer and
-- jti (bounded, whatever the client sends).
CREATE TABLE audit_token (
  token_key   VARCHAR(80) PRIMARY KEY,
  expires_at  TIMESTAMP   NOT NULL
);
CREATE INDEX audit_token_expiry ON audit_token (expires_at);

-- The cards each CDS Hooks call issued (written with its record): feedback must name one of them.
-- Calls recorded before V4 get theirs from their cards column (V5).
CREATE TABLE audit_card (
  card_uuid   VARCHAR(64) NOT NULL,
  service     VARCHAR(64) NOT NULL,
  record_id   VARCHAR(36) NOT NULL
);
CREATE INDEX audit_card_uuid ON audit_card (card_uuid);
CREATE INDEX audit_card_record ON audit_card (record_id);
CREATE INDEX audit_record_recorded ON audit_record (recorded_at);
CREATE INDEX audit_feedback_recorded ON audit_feedback (recorded_at);
