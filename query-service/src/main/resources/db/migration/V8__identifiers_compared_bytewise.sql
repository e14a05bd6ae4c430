-- Identifiers and codes compare byte by byte. Under the database's linguistic collation every comparison in
-- these indexes went through the C library's collation routines; byte order is several times cheaper, and
-- equality (all that is asked of these columns) is the same. The journal's unique aggregate position is
-- checked on every event applied, the board's outcome index on every change of status.
ALTER TABLE seeker_event ALTER COLUMN aggregate_id TYPE text COLLATE "C";
ALTER TABLE attempt_board ALTER COLUMN status TYPE text COLLATE "C";
