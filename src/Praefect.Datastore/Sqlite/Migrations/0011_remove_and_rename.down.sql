-- Rolls back 0011: rename jobs' new relative path.
ALTER TABLE replication_jobs DROP COLUMN new_relative_path;
