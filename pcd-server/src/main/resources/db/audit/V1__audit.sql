CREATE TABLE audit_record (
  id            VARCHAR(36)  PRIMARY KEY,
  recorded_at   TIMESTAMP    NOT NULL,
  caller        VARCHAR(512) NOT NULL,
  kind          VARCHAR(64)  NOT NULL,
  input_hash    VARCHAR(80)  NOT NULL,
  input         TEXT         NOT NULL,
  input_type    VARCHAR(64)  NOT NULL,
  as_of         VARCHAR(10),
  knowledge     VARCHAR(128) NOT NULL,
  knowledge_hash VARCHAR(80) NOT NULL,
  output_hash   VARCHAR(80)  NOT NULL,
  cards         TEXT
);

CREATE TABLE audit_feedback (
  id            VARCHAR(36)  PRIMARY KEY,
  recorded_at   TIMESTAMP    NOT NULL,
  service       VARCHAR(64)  NOT NULL,
  card_uuid     VARCHAR(64)  NOT NULL,
  outcome       VARCHAR(16)  NOT NULL,
  override_reasons TEXT,
  caller        VARCHAR(512) NOT NULL
);

CREATE INDEX audit_feedback_card ON audit_feedback (card_uuid);
