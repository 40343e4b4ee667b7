-- The storages assigned to hold a repository (set-replication-factor, as the Go Praefect's repository_assignments).
-- A repository without rows is assigned to every configured storage of its virtual storage.
CREATE TABLE repository_assignments (
    virtual_storage TEXT NOT NULL,
    relative_path   TEXT NOT NULL,
    storage         TEXT NOT NULL,
    PRIMARY KEY (virtual_storage, relative_path, storage)
);
