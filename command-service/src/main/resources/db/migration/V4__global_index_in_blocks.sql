-- The global index is handed out 20 at a time (Hibernate's pooled optimizer, see META-INF/orm.xml): one nextval
-- per 20 events instead of one per event, on every command's path. The cost is a gap of at most 19 unused values
-- when the service stops, which the publisher's gap-aware tracking token passes over.
ALTER SEQUENCE domain_event_global_index_seq INCREMENT BY 20;
