-- Due dates of each request (the earlier of the product's promise and the jurisdiction's law),
-- and when it was acknowledged. Extensions move complete_by; each is recorded as an event.
ALTER TABLE lethe_requests ADD COLUMN acknowledge_by TIMESTAMP;
ALTER TABLE lethe_requests ADD COLUMN acknowledged_at TIMESTAMP;
ALTER TABLE lethe_requests ADD COLUMN complete_by TIMESTAMP;
ALTER TABLE lethe_requests ADD COLUMN complete_rule VARCHAR(500);
CREATE INDEX lethe_requests_due ON lethe_requests (complete_by);

-- Where to write to the person about their request (sealed), and in which language. Kept only
-- until the last mail about the request is sent, then deleted.
CREATE TABLE lethe_request_contacts (
  request_id VARCHAR(36) PRIMARY KEY REFERENCES lethe_requests (id),
  sealed_address CLOB NOT NULL,
  language VARCHAR(35) NOT NULL,
  created_at TIMESTAMP NOT NULL
);

-- One pending identity verification per request: a link token and a short code, both stored as
-- keyed hashes, valid once and until expires_at.
CREATE TABLE lethe_request_verifications (
  request_id VARCHAR(36) PRIMARY KEY REFERENCES lethe_requests (id),
  token_hash VARCHAR(64) NOT NULL,
  code_hash VARCHAR(64) NOT NULL,
  issued_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  used_at TIMESTAMP,
  CONSTRAINT lethe_request_verifications_token UNIQUE (token_hash)
);
