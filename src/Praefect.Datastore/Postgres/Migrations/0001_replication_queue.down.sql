-- Rolls back 0001: the replication queue and the instances table (their indexes go with them).
DROP TABLE praefect_instances;
DROP TABLE replication_jobs;
