-- The mock's state: orgs, their credentials and their ledgers. One schema for SQLite and
-- PostgreSQL (both understand these types, ON CONFLICT and RETURNING). Tables carry a re_ prefix,
-- as they may share a PostgreSQL database with other applications.

-- One row: whether a complete seed was stored (a seed is written in one transaction with it).
CREATE TABLE re_seed_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  complete BOOLEAN NOT NULL,
  seeded_at BIGINT NOT NULL
);

-- One row: the key OAuth tokens are signed with, shared by every replica.
CREATE TABLE re_token_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret_hex TEXT NOT NULL
);

CREATE TABLE re_orgs (
  org_id BIGINT PRIMARY KEY
);

CREATE TABLE re_tills (
  username TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL,
  password_md5 TEXT NOT NULL,
  access_groups TEXT NOT NULL
);
CREATE INDEX re_tills_org ON re_tills (org_id);

CREATE TABLE re_clients (
  client_key TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL,
  secret_sha256 TEXT NOT NULL,
  ttl_seconds INTEGER NOT NULL,
  access_groups TEXT NOT NULL
);
CREATE INDEX re_clients_org ON re_clients (org_id);

CREATE TABLE re_customers (
  org_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  email TEXT,
  mobile TEXT,
  external_id TEXT,
  PRIMARY KEY (org_id, id)
);

-- Every identifier that names a customer (emails in lower case), cards included.
CREATE TABLE re_customer_keys (
  org_id BIGINT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  customer_id BIGINT NOT NULL,
  PRIMARY KEY (org_id, type, value)
);
CREATE INDEX re_customer_keys_customer ON re_customer_keys (org_id, customer_id);

CREATE TABLE re_badges (
  org_id BIGINT NOT NULL,
  id TEXT NOT NULL,
  earn_type TEXT NOT NULL,
  live BOOLEAN NOT NULL,
  validity_seconds BIGINT,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE re_badge_claims (
  org_id BIGINT NOT NULL,
  badge_id TEXT NOT NULL,
  owner_type TEXT NOT NULL,
  reference_id TEXT NOT NULL,
  PRIMARY KEY (org_id, badge_id, owner_type, reference_id)
);

CREATE TABLE re_earns (
  org_id BIGINT NOT NULL,
  id TEXT NOT NULL,
  badge_meta_id TEXT NOT NULL,
  customer_id BIGINT NOT NULL,
  request_id TEXT,
  earned_at BIGINT,
  expires_on BIGINT,
  active BOOLEAN NOT NULL,
  PRIMARY KEY (org_id, id)
);
-- An earn's requestId is unique per badge: a constraint, not a check-then-insert.
CREATE UNIQUE INDEX re_earns_request ON re_earns (org_id, badge_meta_id, request_id);
