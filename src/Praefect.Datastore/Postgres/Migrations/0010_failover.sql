-- Every primary switch, for the audit trail and to prove one promotion per failure.
CREATE TABLE primary_switches (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    virtual_storage   TEXT    NOT NULL,
    previous_primary  TEXT    NOT NULL,
    new_primary       TEXT    NOT NULL,
    trigger_name      TEXT    NOT NULL,
    forced            BIGINT NOT NULL,
    lost_repositories BIGINT NOT NULL,
    instance          TEXT    NOT NULL,
    created_at        BIGINT NOT NULL
);

-- Repositories that lost writes in a forced failover: writes are rejected until accept-dataloss
-- and, after it, until the primary holds the accepted generation.
CREATE TABLE lost_writes (
    virtual_storage     TEXT    NOT NULL,
    relative_path       TEXT    NOT NULL,
    switch_id           BIGINT NOT NULL,
    latest_generation   BIGINT NOT NULL,
    accepted_storage    TEXT,
    accepted_generation BIGINT,
    created_at          BIGINT NOT NULL,
    PRIMARY KEY (virtual_storage, relative_path)
);
