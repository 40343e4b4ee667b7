-- A repository's generation, raised by every acknowledged mutator.
CREATE TABLE repositories (
    virtual_storage TEXT    NOT NULL,
    relative_path   TEXT    NOT NULL,
    generation      INTEGER NOT NULL,
    PRIMARY KEY (virtual_storage, relative_path)
);

-- The generation each storage holds of a repository.
CREATE TABLE storage_repositories (
    virtual_storage TEXT    NOT NULL,
    relative_path   TEXT    NOT NULL,
    storage         TEXT    NOT NULL,
    generation      INTEGER NOT NULL,
    PRIMARY KEY (virtual_storage, relative_path, storage)
);

-- The primary of each virtual storage, once recorded (failover).
CREATE TABLE virtual_storage_primaries (
    virtual_storage TEXT    PRIMARY KEY,
    storage         TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL
);
