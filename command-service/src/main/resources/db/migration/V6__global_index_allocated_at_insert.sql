-- The global index is taken from the sequence by each insert (the column's default), one value per event, instead of
-- 20 at a time into each instance's memory. With blocks, two instances hand out interleaved ranges, so an
-- aggregate's later event could get a smaller index than its earlier one, and the publisher, which sends in index
-- order, sent them out of order.
--
-- Why one value per insert keeps each aggregate's events in index order, also under concurrent transactions that
-- commit out of index order: an event with sequence n + 1 is appended only by a transaction that loaded its
-- aggregate with event n already committed (a concurrent append of the same sequence waits on the unique key
-- (aggregate_identifier, sequence_number) and then fails). Its insert, and so its nextval, comes after that commit,
-- and the sequence only grows, so its index is larger, and event n is visible to any reader that sees it. The
-- publisher's gap-aware token reads indexes still uncommitted later, in index order.
--
-- All instances of the command service must run this version together: an instance of an earlier one would still
-- take blocks of 20 from a sequence that now moves by one.
ALTER SEQUENCE domain_event_global_index_seq INCREMENT BY 1;
SELECT setval('domain_event_global_index_seq',
              GREATEST((SELECT COALESCE(max(global_index), 0) FROM domain_event_entry),
                       (SELECT last_value FROM domain_event_global_index_seq)) + 20);
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_global_index_seq');
ALTER SEQUENCE domain_event_global_index_seq OWNED BY domain_event_entry.global_index;
