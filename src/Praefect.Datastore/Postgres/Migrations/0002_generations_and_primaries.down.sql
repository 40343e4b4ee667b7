-- Rolls back 0002: generations and recorded primaries.
DROP TABLE virtual_storage_primaries;
DROP TABLE storage_repositories;
DROP TABLE repositories;
