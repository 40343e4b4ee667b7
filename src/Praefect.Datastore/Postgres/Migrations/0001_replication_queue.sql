-- The replication queue. Times are unix milliseconds (UTC).
CREATE TABLE replication_jobs (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    virtual_storage  TEXT    NOT NULL,
    relative_path    TEXT    NOT NULL,
    source_storage   TEXT    NOT NULL,
    target_storage   TEXT    NOT NULL,
    change_type      TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    ready_at         BIGINT,
    started_at       BIGINT,
    updated_at       BIGINT NOT NULL,
    next_attempt_at  BIGINT NOT NULL,
    lease_owner      TEXT,
    lease_expires_at BIGINT,
    collapsed_into   BIGINT
);
CREATE INDEX replication_jobs_due ON replication_jobs (virtual_storage, target_storage, state, next_attempt_at);
CREATE INDEX replication_jobs_repository ON replication_jobs (virtual_storage, relative_path, target_storage, state);
CREATE INDEX replication_jobs_pending ON replication_jobs (state, lease_owner);

-- Praefect processes alive (owners of pending jobs).
CREATE TABLE praefect_instances (
    instance_id  TEXT    PRIMARY KEY,
    heartbeat_at BIGINT NOT NULL
);
