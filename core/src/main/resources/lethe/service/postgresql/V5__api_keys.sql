-- API keys of the host product. A key is shown once when issued; only an HMAC of it under the
-- installation secret is kept (see docs/api-keys.md). Revoked keys are kept, for the record.
CREATE TABLE lethe_api_keys (
  id VARCHAR(16) PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  secret_hash VARCHAR(64) NOT NULL,
  permissions VARCHAR(255) NOT NULL,
  -- null: the key reaches every workspace
  workspace VARCHAR(255),
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  revoked_at TIMESTAMP,
  revoked_by VARCHAR(100),
  last_used_at TIMESTAMP
);
