-- The admin console's operators. Passwords are kept only as bcrypt hashes; operators are disabled,
-- never deleted, so the ids on request events keep naming someone (see docs/console.md).
CREATE TABLE lethe_operators (
  id VARCHAR(64) COLLATE utf8mb4_bin PRIMARY KEY,
  email VARCHAR(254),
  password_hash VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
  role VARCHAR(32) NOT NULL,
  -- the workspaces a workspace admin reaches, separated by spaces; null for the other roles
  workspaces VARCHAR(4000) COLLATE utf8mb4_bin,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  password_set_at DATETIME(6) NOT NULL,
  disabled_at DATETIME(6),
  disabled_by VARCHAR(100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
