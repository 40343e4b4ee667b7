-- Rolls back 0010: the failover audit trail and the lost-writes marks.
DROP TABLE lost_writes;
DROP TABLE primary_switches;
