-- Turn leases: the instance running a turn owns it until its lease expires. The owner renews the
-- lease while it streams; another instance takes over only an expired lease. Safe to run twice.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS turn_owner text;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS turn_lease_expires_at timestamptz;
CREATE INDEX IF NOT EXISTS messages_running_lease_idx ON messages (turn_lease_expires_at) WHERE turn_state = 'running';
