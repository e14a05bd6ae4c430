-- Identifiers compare byte by byte. Under the database's linguistic collation every comparison in the event
-- store's unique indexes (checked on every event appended) went through the C library's collation routines;
-- byte order is several times cheaper, and equality (all that is asked of an identifier) is the same.
ALTER TABLE domain_event_entry
    ALTER COLUMN aggregate_identifier TYPE varchar(255) COLLATE "C",
    ALTER COLUMN event_identifier TYPE varchar(255) COLLATE "C";
ALTER TABLE snapshot_event_entry
    ALTER COLUMN aggregate_identifier TYPE varchar(255) COLLATE "C",
    ALTER COLUMN event_identifier TYPE varchar(255) COLLATE "C";
