-- The journal keeps each event once by its place in its aggregate, (aggregate_id, aggregate_sequence), which a
-- redelivered copy shares: that unique index is what de-duplicates. The event id's own index answered no query and,
-- its keys being random, cost every journaled event one more B-tree leaf page (and after each checkpoint that
-- page's full image in the WAL); a rebuild writes the whole journal again.
ALTER TABLE seeker_event DROP CONSTRAINT seeker_event_pkey;
