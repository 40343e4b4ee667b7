-- Rolls back 0013: repository assignments (every repository is then assigned to every storage).
DROP TABLE repository_assignments;
