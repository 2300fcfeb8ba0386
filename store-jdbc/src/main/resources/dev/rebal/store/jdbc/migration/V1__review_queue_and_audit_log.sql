-- Rebal schema version 1: the audit log and the review queue.
-- Portable between H2 2.x and PostgreSQL 15: no vendor types, no vendor functions.
-- Statements end with a semicolon at the end of a line; no semicolon inside a statement.

-- The hash-chained audit log. One row per record, append-only: the application never updates or
-- deletes a row (grant only SELECT and INSERT on it in production, see docs/stores.md).
CREATE TABLE audit_record (
  sequence          BIGINT       NOT NULL,
  previous_hash     VARCHAR(64)  NOT NULL,
  household         VARCHAR(200) NOT NULL,
  as_of             DATE         NOT NULL,
  inputs_hash       VARCHAR(200) NOT NULL,
  rule_set_version  VARCHAR(200) NOT NULL,
  rule_set_hash     VARCHAR(200) NOT NULL,
  outcome           VARCHAR(100) NOT NULL,
  body              VARCHAR      NOT NULL,
  hash              VARCHAR(64)  NOT NULL,
  CONSTRAINT audit_record_pk PRIMARY KEY (sequence),
  -- a fork (two records chained after the same one) is refused by the database itself
  CONSTRAINT audit_record_previous_hash_uk UNIQUE (previous_hash),
  CONSTRAINT audit_record_sequence_ck CHECK (sequence >= 0)
);

CREATE INDEX audit_record_household_idx ON audit_record (household, sequence);

-- The head of the chain: the next sequence number and the last record's hash. One row, locked
-- (SELECT ... FOR UPDATE) by every append, so that appenders in any number of threads and
-- processes queue up instead of racing; the unique keys above are the backstop.
CREATE TABLE audit_head (
  id             INTEGER     NOT NULL,
  next_sequence  BIGINT      NOT NULL,
  last_hash      VARCHAR(64) NOT NULL,
  CONSTRAINT audit_head_pk PRIMARY KEY (id),
  CONSTRAINT audit_head_single_row_ck CHECK (id = 1)
);

INSERT INTO audit_head (id, next_sequence, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The review queue. The API id of an item is 'R-' followed by its id here.
CREATE SEQUENCE review_item_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE review_item (
  id           BIGINT       NOT NULL,
  household    VARCHAR(200) NOT NULL,
  as_of        DATE         NOT NULL,
  priority     INTEGER      NOT NULL,
  explanation  VARCHAR      NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  assignee     VARCHAR(200) NOT NULL,
  decided_by   VARCHAR(200) NOT NULL,
  note         VARCHAR      NOT NULL,
  version      BIGINT       NOT NULL,
  CONSTRAINT review_item_pk PRIMARY KEY (id),
  CONSTRAINT review_item_priority_ck CHECK (priority >= 1),
  CONSTRAINT review_item_status_ck
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'MODIFIED', 'EXPIRED')),
  CONSTRAINT review_item_version_ck CHECK (version >= 0)
);

-- pending by priority (and the by-age view), by household
CREATE INDEX review_item_status_priority_idx ON review_item (status, priority, as_of, id);
CREATE INDEX review_item_status_as_of_idx ON review_item (status, as_of, priority, id);
CREATE INDEX review_item_household_idx ON review_item (household, id);

-- The reason codes of an item, one row each, so that "pending by reason" is an indexed query.
CREATE TABLE review_reason (
  item_id  BIGINT       NOT NULL,
  reason   VARCHAR(200) NOT NULL,
  CONSTRAINT review_reason_pk PRIMARY KEY (item_id, reason),
  CONSTRAINT review_reason_item_fk FOREIGN KEY (item_id) REFERENCES review_item (id)
);

CREATE INDEX review_reason_reason_idx ON review_reason (reason, item_id);
