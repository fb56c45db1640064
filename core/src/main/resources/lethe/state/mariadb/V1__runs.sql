-- Lethe's own state, kept in the host database so that each batch and its checkpoint commit together.
CREATE TABLE lethe_runs (
  id VARCHAR(36) PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  scope VARCHAR(63) NOT NULL,
  workspace VARCHAR(255),
  status VARCHAR(16) NOT NULL,
  datamap_name VARCHAR(255) NOT NULL,
  datamap_fingerprint VARCHAR(64) NOT NULL,
  subject_sealed TEXT,
  subject_hashes TEXT NOT NULL,
  params TEXT NOT NULL,
  batches BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME(6) NOT NULL,
  started_at DATETIME(6),
  finished_at DATETIME(6),
  receipt TEXT,
  error TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE lethe_run_roots (
  run_id VARCHAR(36) NOT NULL REFERENCES lethe_runs (id),
  root_index INT NOT NULL,
  root_key VARCHAR(255) NOT NULL,
  PRIMARY KEY (run_id, root_index, root_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE lethe_run_counts (
  run_id VARCHAR(36) NOT NULL REFERENCES lethe_runs (id),
  entity VARCHAR(63) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  row_count BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, entity, outcome)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE lethe_run_files (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  run_id VARCHAR(36) NOT NULL REFERENCES lethe_runs (id),
  entity VARCHAR(63) NOT NULL,
  file_key VARCHAR(1024) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  last_error VARCHAR(255),
  deleted_at DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX lethe_run_files_pending ON lethe_run_files (run_id, deleted_at);

-- Rows a run detached, anonymized or retained: counted and checked once the run is done.
CREATE TABLE lethe_run_updated (
  run_id VARCHAR(36) NOT NULL REFERENCES lethe_runs (id),
  entity VARCHAR(63) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  row_key VARCHAR(255) NOT NULL,
  PRIMARY KEY (run_id, entity, outcome, row_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE lethe_settings (
  name VARCHAR(63) PRIMARY KEY,
  setting_value VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
