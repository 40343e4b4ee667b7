-- The correlation id of the client call that recorded a job (issue 17): the job's log lines and node calls carry it.
ALTER TABLE replication_jobs ADD COLUMN correlation_id TEXT;
