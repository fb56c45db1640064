-- The ledger of receipts: an append-only hash chain. Bodies are receipts, which carry no
-- personal data (the subject appears only as keyed hashes). See docs/ledger.md for the hashes.
CREATE TABLE lethe_ledger (
  seq BIGINT PRIMARY KEY,
  entry_type VARCHAR(64) NOT NULL,
  reference VARCHAR(255) NOT NULL,
  recorded_at TIMESTAMP NOT NULL,
  body CLOB NOT NULL,
  body_hash VARCHAR(64) NOT NULL,
  previous_hash VARCHAR(64) NOT NULL,
  entry_hash VARCHAR(64) NOT NULL
);
CREATE INDEX lethe_ledger_reference ON lethe_ledger (reference, seq);

-- One row, locked by every append: serializes appenders so the chain never forks, and keeps
-- the last seq and hash so a removed tail is noticed.
CREATE TABLE lethe_ledger_head (
  id INT PRIMARY KEY,
  seq BIGINT NOT NULL,
  entry_hash VARCHAR(64) NOT NULL
);
INSERT INTO lethe_ledger_head (id, seq, entry_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
