-- Issue 15. SQLite ignores VARCHAR sizes, PostgreSQL and H2 enforce them: the same over-long value
-- was stored here and refused there. These triggers make SQLite refuse what the others refuse, so
-- the schema is the same on every store (the server checks values before they get here).
CREATE TRIGGER audit_record_sizes BEFORE INSERT ON audit_record
WHEN length(NEW.id) > 36 OR length(NEW.caller) > 512 OR length(NEW.kind) > 64
  OR length(NEW.input_hash) > 80 OR length(NEW.input_type) > 64 OR length(NEW.as_of) > 10
  OR length(NEW.as_of_zone) > 64 OR length(NEW.knowledge) > 128 OR length(NEW.knowledge_hash) > 80
  OR length(NEW.output_hash) > 80 OR length(NEW.report_token) > 64
BEGIN
  SELECT RAISE(ABORT, 'audit_record: value too long for its column');
END;

CREATE TRIGGER audit_feedback_sizes BEFORE INSERT ON audit_feedback
WHEN length(NEW.id) > 36 OR length(NEW.service) > 64 OR length(NEW.card_uuid) > 64
  OR length(NEW.outcome) > 16 OR length(NEW.caller) > 512
BEGIN
  SELECT RAISE(ABORT, 'audit_feedback: value too long for its column');
END;

CREATE TRIGGER audit_token_sizes BEFORE INSERT ON audit_token
WHEN length(NEW.token_key) > 80
BEGIN
  SELECT RAISE(ABORT, 'audit_token: value too long for its column');
END;

CREATE TRIGGER audit_card_sizes BEFORE INSERT ON audit_card
WHEN length(NEW.card_uuid) > 64 OR length(NEW.service) > 64 OR length(NEW.record_id) > 36
BEGIN
  SELECT RAISE(ABORT, 'audit_card: value too long for its column');
END;
