-- Legal holds placed and lifted through the service. An identity hold keeps the identity's kind
-- and keyed hash only, never its value. Holds are kept after they are lifted or expire: they are
-- the record of what was preserved, when, and on whose word.
CREATE TABLE lethe_holds (
  id VARCHAR(36) COLLATE utf8mb4_bin PRIMARY KEY,
  target_kind VARCHAR(16) NOT NULL CHECK (target_kind IN ('workspace', 'identity', 'entity')),
  workspace VARCHAR(255) COLLATE utf8mb4_bin,
  identity_kind VARCHAR(32),
  identity_hash VARCHAR(100),
  entity_name VARCHAR(63),
  entity_key VARCHAR(255),
  reason VARCHAR(500) NOT NULL,
  reference VARCHAR(255),
  placed_at DATETIME(6) NOT NULL,
  placed_by VARCHAR(100) NOT NULL,
  expires_at DATETIME(6),
  lifted_at DATETIME(6),
  lifted_by VARCHAR(100),
  lift_note VARCHAR(500)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- Active holds are those not lifted (lifted_at IS NULL), listed newest first.
CREATE INDEX lethe_holds_active ON lethe_holds (lifted_at, placed_at);
CREATE INDEX lethe_holds_workspace ON lethe_holds (workspace, placed_at);
