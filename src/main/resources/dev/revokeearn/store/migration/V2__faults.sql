-- Declared faults, in declaration order (position): the declaration as JSON (as the admin API
-- reads it back), when it fires (times, or probability with seed), and its counts. A replica
-- decides a fault in one transaction that locks its row, so counts are shared exactly.
CREATE TABLE re_faults (
  id BIGINT PRIMARY KEY,
  org_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  spec_json TEXT NOT NULL,
  times INTEGER,
  probability DOUBLE PRECISION,
  seed BIGINT NOT NULL,
  seen BIGINT NOT NULL,
  fired BIGINT NOT NULL
);
CREATE INDEX re_faults_org ON re_faults (org_id, position);
