-- Rolls back 0012: jobs' correlation ids.
ALTER TABLE replication_jobs DROP COLUMN correlation_id;
