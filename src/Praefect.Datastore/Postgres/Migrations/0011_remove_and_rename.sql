-- Removes and renames (issue 13): a "rename" job carries the repository's new relative path.
ALTER TABLE replication_jobs ADD COLUMN new_relative_path TEXT;
