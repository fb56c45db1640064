-- Reference platform schema for MariaDB (InnoDB, utf8mb4). DATETIME columns hold UTC.

CREATE TABLE accounts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(320) NOT NULL,
  name VARCHAR(200) NOT NULL,
  password_hash VARCHAR(200),
  avatar_key VARCHAR(500),
  meta_user_id VARCHAR(64),
  locale VARCHAR(16) NOT NULL,
  default_workspace_id BIGINT,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE sessions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  token_hash VARCHAR(128) NOT NULL,
  ip_address VARCHAR(45),
  user_agent VARCHAR(500),
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE workspaces (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_account_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE memberships (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  role VARCHAR(16) NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT ck_memberships_role CHECK (role IN ('owner', 'admin', 'agent'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE bots (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  system_prompt MEDIUMTEXT,
  model VARCHAR(100) NOT NULL,
  temperature DECIMAL(3, 2) NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE flows (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  bot_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  definition MEDIUMTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE triggers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  flow_id BIGINT NOT NULL,
  keyword VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE sequences (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  steps MEDIUMTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE broadcasts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  created_by_account_id BIGINT,
  scheduled_at DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE templates (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  language VARCHAR(16) NOT NULL,
  body MEDIUMTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE channels (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  type VARCHAR(16) NOT NULL,
  external_id VARCHAR(100) NOT NULL,
  display_name VARCHAR(200),
  phone_number VARCHAR(32),
  access_token_enc MEDIUMTEXT,
  connected_by_meta_user_id VARCHAR(64),
  created_at DATETIME NOT NULL,
  CONSTRAINT ck_channels_type CHECK (type IN ('whatsapp', 'instagram', 'messenger', 'telegram'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE contacts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  bot_id BIGINT,
  channel_id BIGINT,
  name VARCHAR(200),
  email VARCHAR(320),
  phone VARCHAR(32),
  wa_id VARCHAR(32),
  psid VARCHAR(64),
  igsid VARCHAR(64),
  telegram_username VARCHAR(64),
  custom_fields MEDIUMTEXT,
  lead_score INTEGER NOT NULL,
  lifecycle VARCHAR(32) NOT NULL,
  first_seen_at DATETIME NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE contact_labels (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  label VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE conversations (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  channel_id BIGINT,
  bot_id BIGINT,
  status VARCHAR(16) NOT NULL,
  started_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE messages (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  conversation_id BIGINT NOT NULL,
  direction VARCHAR(8) NOT NULL,
  sender_type VARCHAR(8) NOT NULL,
  body MEDIUMTEXT,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE attachments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  message_id BIGINT NOT NULL,
  storage_key VARCHAR(500) NOT NULL,
  mime_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE notes (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  author_account_id BIGINT,
  author_name VARCHAR(200),
  body MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  total_cents BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  shipping_address MEDIUMTEXT,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE order_items (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT NOT NULL,
  product_name VARCHAR(200) NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price_cents BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE reorder_cycles (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  order_id BIGINT,
  interval_days INTEGER NOT NULL,
  next_reminder_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE customer_memories (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  memory_key VARCHAR(100) NOT NULL,
  memory_value MEDIUMTEXT NOT NULL,
  updated_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE kb_documents (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  bot_id BIGINT NOT NULL,
  title VARCHAR(300) NOT NULL,
  storage_key VARCHAR(500) NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE kb_chunks (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  document_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  content MEDIUMTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE kb_embeddings (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  chunk_id BIGINT NOT NULL,
  model VARCHAR(100) NOT NULL,
  vector MEDIUMTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE ai_call_logs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  bot_id BIGINT,
  conversation_id BIGINT,
  prompt MEDIUMTEXT,
  response MEDIUMTEXT,
  model VARCHAR(100) NOT NULL,
  tokens INTEGER NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE oauth_tokens (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  provider VARCHAR(16) NOT NULL,
  provider_user_id VARCHAR(100),
  access_token_enc MEDIUMTEXT NOT NULL,
  refresh_token_enc MEDIUMTEXT,
  expires_at DATETIME,
  CONSTRAINT ck_oauth_tokens_provider CHECK (provider IN ('meta', 'google', 'anthropic', 'openai'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE api_keys (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  created_by_account_id BIGINT,
  name VARCHAR(200) NOT NULL,
  key_hash VARCHAR(128) NOT NULL,
  prefix VARCHAR(16) NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE notifications (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  kind VARCHAR(50) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  read_at DATETIME,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE referral_codes (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  code VARCHAR(32) NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE subscriptions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  plan VARCHAR(32) NOT NULL,
  status VARCHAR(16) NOT NULL,
  started_at DATETIME NOT NULL,
  renews_at DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE credits (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  balance BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE credit_transactions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  reason VARCHAR(200) NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE invoices (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT,
  account_id BIGINT,
  number VARCHAR(32) NOT NULL,
  customer_name VARCHAR(200),
  customer_email VARCHAR(320),
  billing_address MEDIUMTEXT,
  tax_id VARCHAR(32),
  amount_cents BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  issued_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE audit_logs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT,
  actor_account_id BIGINT,
  actor_email VARCHAR(320),
  action VARCHAR(100) NOT NULL,
  ip_address VARCHAR(45),
  details MEDIUMTEXT,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE analytics_daily (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace_id BIGINT,
  bot_id BIGINT,
  stats_day DATE NOT NULL,
  conversations INTEGER NOT NULL,
  messages INTEGER NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX ux_accounts_email ON accounts (email);
CREATE UNIQUE INDEX ux_referral_codes_code ON referral_codes (code);
CREATE UNIQUE INDEX ux_memberships_workspace_account ON memberships (workspace_id, account_id);
CREATE INDEX ix_accounts_default_workspace_id ON accounts (default_workspace_id);
CREATE INDEX ix_sessions_account_id ON sessions (account_id);
CREATE INDEX ix_workspaces_owner_account_id ON workspaces (owner_account_id);
CREATE INDEX ix_memberships_account_id ON memberships (account_id);
CREATE INDEX ix_bots_workspace_id ON bots (workspace_id);
CREATE INDEX ix_flows_workspace_id ON flows (workspace_id);
CREATE INDEX ix_flows_bot_id ON flows (bot_id);
CREATE INDEX ix_triggers_workspace_id ON triggers (workspace_id);
CREATE INDEX ix_triggers_flow_id ON triggers (flow_id);
CREATE INDEX ix_sequences_workspace_id ON sequences (workspace_id);
CREATE INDEX ix_broadcasts_workspace_id ON broadcasts (workspace_id);
CREATE INDEX ix_broadcasts_created_by_account_id ON broadcasts (created_by_account_id);
CREATE INDEX ix_templates_workspace_id ON templates (workspace_id);
CREATE INDEX ix_channels_workspace_id ON channels (workspace_id);
CREATE INDEX ix_contacts_workspace_id ON contacts (workspace_id);
CREATE INDEX ix_contacts_bot_id ON contacts (bot_id);
CREATE INDEX ix_contacts_channel_id ON contacts (channel_id);
CREATE INDEX ix_contact_labels_workspace_id ON contact_labels (workspace_id);
CREATE INDEX ix_contact_labels_contact_id ON contact_labels (contact_id);
CREATE INDEX ix_conversations_workspace_id ON conversations (workspace_id);
CREATE INDEX ix_conversations_contact_id ON conversations (contact_id);
CREATE INDEX ix_conversations_channel_id ON conversations (channel_id);
CREATE INDEX ix_conversations_bot_id ON conversations (bot_id);
CREATE INDEX ix_messages_workspace_id ON messages (workspace_id);
CREATE INDEX ix_messages_conversation_id ON messages (conversation_id);
CREATE INDEX ix_attachments_workspace_id ON attachments (workspace_id);
CREATE INDEX ix_attachments_message_id ON attachments (message_id);
CREATE INDEX ix_notes_workspace_id ON notes (workspace_id);
CREATE INDEX ix_notes_contact_id ON notes (contact_id);
CREATE INDEX ix_notes_author_account_id ON notes (author_account_id);
CREATE INDEX ix_orders_workspace_id ON orders (workspace_id);
CREATE INDEX ix_orders_contact_id ON orders (contact_id);
CREATE INDEX ix_order_items_order_id ON order_items (order_id);
CREATE INDEX ix_reorder_cycles_workspace_id ON reorder_cycles (workspace_id);
CREATE INDEX ix_reorder_cycles_contact_id ON reorder_cycles (contact_id);
CREATE INDEX ix_reorder_cycles_order_id ON reorder_cycles (order_id);
CREATE INDEX ix_customer_memories_workspace_id ON customer_memories (workspace_id);
CREATE INDEX ix_customer_memories_contact_id ON customer_memories (contact_id);
CREATE INDEX ix_kb_documents_workspace_id ON kb_documents (workspace_id);
CREATE INDEX ix_kb_documents_bot_id ON kb_documents (bot_id);
CREATE INDEX ix_kb_chunks_document_id ON kb_chunks (document_id);
CREATE INDEX ix_kb_embeddings_chunk_id ON kb_embeddings (chunk_id);
CREATE INDEX ix_ai_call_logs_workspace_id ON ai_call_logs (workspace_id);
CREATE INDEX ix_ai_call_logs_bot_id ON ai_call_logs (bot_id);
CREATE INDEX ix_ai_call_logs_conversation_id ON ai_call_logs (conversation_id);
CREATE INDEX ix_oauth_tokens_account_id ON oauth_tokens (account_id);
CREATE INDEX ix_api_keys_workspace_id ON api_keys (workspace_id);
CREATE INDEX ix_api_keys_created_by_account_id ON api_keys (created_by_account_id);
CREATE INDEX ix_notifications_account_id ON notifications (account_id);
CREATE INDEX ix_referral_codes_account_id ON referral_codes (account_id);
CREATE INDEX ix_subscriptions_workspace_id ON subscriptions (workspace_id);
CREATE INDEX ix_credits_workspace_id ON credits (workspace_id);
CREATE INDEX ix_credit_transactions_workspace_id ON credit_transactions (workspace_id);
CREATE INDEX ix_invoices_workspace_id ON invoices (workspace_id);
CREATE INDEX ix_invoices_account_id ON invoices (account_id);
CREATE INDEX ix_audit_logs_workspace_id ON audit_logs (workspace_id);
CREATE INDEX ix_audit_logs_actor_account_id ON audit_logs (actor_account_id);
CREATE INDEX ix_analytics_daily_workspace_id ON analytics_daily (workspace_id);
CREATE INDEX ix_analytics_daily_bot_id ON analytics_daily (bot_id);
CREATE INDEX ix_accounts_meta_user_id ON accounts (meta_user_id);
CREATE INDEX ix_channels_connected_by_meta_user_id ON channels (connected_by_meta_user_id);
CREATE INDEX ix_contacts_email ON contacts (email);
CREATE INDEX ix_contacts_phone ON contacts (phone);
CREATE INDEX ix_contacts_wa_id ON contacts (wa_id);
CREATE INDEX ix_contacts_psid ON contacts (psid);
CREATE INDEX ix_contacts_igsid ON contacts (igsid);
CREATE INDEX ix_contacts_telegram_username ON contacts (telegram_username);
CREATE INDEX ix_contacts_first_seen_at ON contacts (first_seen_at);
CREATE INDEX ix_messages_created_at ON messages (created_at);
CREATE INDEX ix_conversations_started_at ON conversations (started_at);
CREATE INDEX ix_audit_logs_actor_email ON audit_logs (actor_email);
CREATE INDEX ix_audit_logs_created_at ON audit_logs (created_at);
CREATE INDEX ix_invoices_customer_email ON invoices (customer_email);
CREATE INDEX ix_invoices_issued_at ON invoices (issued_at);
CREATE INDEX ix_ai_call_logs_created_at ON ai_call_logs (created_at);
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);
CREATE INDEX ix_oauth_tokens_provider_user_id ON oauth_tokens (provider_user_id);

ALTER TABLE accounts ADD CONSTRAINT fk_accounts_default_workspace_id FOREIGN KEY (default_workspace_id) REFERENCES workspaces (id);
ALTER TABLE sessions ADD CONSTRAINT fk_sessions_account_id FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE workspaces ADD CONSTRAINT fk_workspaces_owner_account_id FOREIGN KEY (owner_account_id) REFERENCES accounts (id);
ALTER TABLE memberships ADD CONSTRAINT fk_memberships_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE memberships ADD CONSTRAINT fk_memberships_account_id FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE bots ADD CONSTRAINT fk_bots_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE flows ADD CONSTRAINT fk_flows_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE flows ADD CONSTRAINT fk_flows_bot_id FOREIGN KEY (bot_id) REFERENCES bots (id);
ALTER TABLE triggers ADD CONSTRAINT fk_triggers_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE triggers ADD CONSTRAINT fk_triggers_flow_id FOREIGN KEY (flow_id) REFERENCES flows (id);
ALTER TABLE sequences ADD CONSTRAINT fk_sequences_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE broadcasts ADD CONSTRAINT fk_broadcasts_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE broadcasts ADD CONSTRAINT fk_broadcasts_created_by_account_id FOREIGN KEY (created_by_account_id) REFERENCES accounts (id);
ALTER TABLE templates ADD CONSTRAINT fk_templates_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE channels ADD CONSTRAINT fk_channels_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE contacts ADD CONSTRAINT fk_contacts_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE contacts ADD CONSTRAINT fk_contacts_bot_id FOREIGN KEY (bot_id) REFERENCES bots (id);
ALTER TABLE contacts ADD CONSTRAINT fk_contacts_channel_id FOREIGN KEY (channel_id) REFERENCES channels (id);
ALTER TABLE contact_labels ADD CONSTRAINT fk_contact_labels_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE contact_labels ADD CONSTRAINT fk_contact_labels_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id);
ALTER TABLE conversations ADD CONSTRAINT fk_conversations_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE conversations ADD CONSTRAINT fk_conversations_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id);
ALTER TABLE conversations ADD CONSTRAINT fk_conversations_channel_id FOREIGN KEY (channel_id) REFERENCES channels (id);
ALTER TABLE conversations ADD CONSTRAINT fk_conversations_bot_id FOREIGN KEY (bot_id) REFERENCES bots (id);
ALTER TABLE messages ADD CONSTRAINT fk_messages_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE messages ADD CONSTRAINT fk_messages_conversation_id FOREIGN KEY (conversation_id) REFERENCES conversations (id);
ALTER TABLE attachments ADD CONSTRAINT fk_attachments_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE attachments ADD CONSTRAINT fk_attachments_message_id FOREIGN KEY (message_id) REFERENCES messages (id);
ALTER TABLE notes ADD CONSTRAINT fk_notes_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE notes ADD CONSTRAINT fk_notes_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id);
ALTER TABLE notes ADD CONSTRAINT fk_notes_author_account_id FOREIGN KEY (author_account_id) REFERENCES accounts (id);
ALTER TABLE orders ADD CONSTRAINT fk_orders_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE orders ADD CONSTRAINT fk_orders_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id);
ALTER TABLE order_items ADD CONSTRAINT fk_order_items_order_id FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE reorder_cycles ADD CONSTRAINT fk_reorder_cycles_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE reorder_cycles ADD CONSTRAINT fk_reorder_cycles_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id);
ALTER TABLE reorder_cycles ADD CONSTRAINT fk_reorder_cycles_order_id FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE customer_memories ADD CONSTRAINT fk_customer_memories_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE customer_memories ADD CONSTRAINT fk_customer_memories_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id);
ALTER TABLE kb_documents ADD CONSTRAINT fk_kb_documents_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE kb_documents ADD CONSTRAINT fk_kb_documents_bot_id FOREIGN KEY (bot_id) REFERENCES bots (id);
ALTER TABLE kb_chunks ADD CONSTRAINT fk_kb_chunks_document_id FOREIGN KEY (document_id) REFERENCES kb_documents (id);
ALTER TABLE kb_embeddings ADD CONSTRAINT fk_kb_embeddings_chunk_id FOREIGN KEY (chunk_id) REFERENCES kb_chunks (id);
ALTER TABLE ai_call_logs ADD CONSTRAINT fk_ai_call_logs_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE ai_call_logs ADD CONSTRAINT fk_ai_call_logs_bot_id FOREIGN KEY (bot_id) REFERENCES bots (id);
ALTER TABLE oauth_tokens ADD CONSTRAINT fk_oauth_tokens_account_id FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE api_keys ADD CONSTRAINT fk_api_keys_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE api_keys ADD CONSTRAINT fk_api_keys_created_by_account_id FOREIGN KEY (created_by_account_id) REFERENCES accounts (id);
ALTER TABLE notifications ADD CONSTRAINT fk_notifications_account_id FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE referral_codes ADD CONSTRAINT fk_referral_codes_account_id FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE subscriptions ADD CONSTRAINT fk_subscriptions_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE credits ADD CONSTRAINT fk_credits_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE credit_transactions ADD CONSTRAINT fk_credit_transactions_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE invoices ADD CONSTRAINT fk_invoices_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE invoices ADD CONSTRAINT fk_invoices_account_id FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE audit_logs ADD CONSTRAINT fk_audit_logs_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE audit_logs ADD CONSTRAINT fk_audit_logs_actor_account_id FOREIGN KEY (actor_account_id) REFERENCES accounts (id);
