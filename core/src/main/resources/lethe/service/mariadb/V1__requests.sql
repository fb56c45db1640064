-- Deletion requests, kept in Lethe's own database. The subject appears only as keyed hashes;
-- sealed identities live in lethe_request_identities while the request is open.
CREATE TABLE lethe_requests (
  id VARCHAR(36) PRIMARY KEY,
  confirmation_code VARCHAR(64) NOT NULL,
  request_type VARCHAR(16) NOT NULL,
  scope VARCHAR(63) NOT NULL,
  workspace VARCHAR(255),
  params TEXT NOT NULL,
  jurisdiction VARCHAR(16) NOT NULL,
  source VARCHAR(32) NOT NULL,
  state VARCHAR(32) NOT NULL,
  held_from VARCHAR(32),
  hold_ids TEXT,
  received_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  closed_at DATETIME(6),
  verification_required BOOLEAN NOT NULL,
  grace_seconds BIGINT,
  grace_ends_at DATETIME(6),
  identity_hashes TEXT NOT NULL,
  match_key VARCHAR(64) NOT NULL,
  -- equal to match_key while the request is open, null once it ends: at most one open duplicate
  open_match_key VARCHAR(64),
  identities_sealed BOOLEAN NOT NULL,
  run_id VARCHAR(36),
  receipt TEXT,
  rejection_reason VARCHAR(500),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT lethe_requests_code UNIQUE (confirmation_code),
  CONSTRAINT lethe_requests_open_match UNIQUE (open_match_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX lethe_requests_state ON lethe_requests (state, received_at);
CREATE INDEX lethe_requests_received ON lethe_requests (received_at);

-- Deleted as soon as the request no longer needs them (completed, rejected, cancelled).
CREATE TABLE lethe_request_identities (
  request_id VARCHAR(36) NOT NULL REFERENCES lethe_requests (id),
  ordinal INT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  sealed_value TEXT NOT NULL,
  PRIMARY KEY (request_id, ordinal)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Keyed hashes of idempotency keys: the same key always answers with the same request.
CREATE TABLE lethe_request_keys (
  idempotency_key VARCHAR(64) PRIMARY KEY,
  request_id VARCHAR(36) NOT NULL REFERENCES lethe_requests (id),
  created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE lethe_request_events (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  request_id VARCHAR(36) NOT NULL REFERENCES lethe_requests (id),
  occurred_at DATETIME(6) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  from_state VARCHAR(32),
  to_state VARCHAR(32) NOT NULL,
  note VARCHAR(500)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX lethe_request_events_request ON lethe_request_events (request_id, id);
