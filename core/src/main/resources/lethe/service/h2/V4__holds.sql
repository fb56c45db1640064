-- Legal holds placed and lifted through the service. An identity hold keeps the identity's kind
-- and keyed hash only, never its value. Holds are kept after they are lifted or expire: they are
-- the record of what was preserved, when, and on whose word.
CREATE TABLE lethe_holds (
  id VARCHAR(36) PRIMARY KEY,
  target_kind VARCHAR(16) NOT NULL CHECK (target_kind IN ('workspace', 'identity', 'entity')),
  workspace VARCHAR(255),
  identity_kind VARCHAR(32),
  identity_hash VARCHAR(100),
  entity_name VARCHAR(63),
  entity_key VARCHAR(255),
  reason VARCHAR(500) NOT NULL,
  reference VARCHAR(255),
  placed_at TIMESTAMP NOT NULL,
  placed_by VARCHAR(100) NOT NULL,
  expires_at TIMESTAMP,
  lifted_at TIMESTAMP,
  lifted_by VARCHAR(100),
  lift_note VARCHAR(500)
);
-- Active holds are those not lifted (lifted_at IS NULL), listed newest first.
CREATE INDEX lethe_holds_active ON lethe_holds (lifted_at, placed_at);
CREATE INDEX lethe_holds_workspace ON lethe_holds (workspace, placed_at);
