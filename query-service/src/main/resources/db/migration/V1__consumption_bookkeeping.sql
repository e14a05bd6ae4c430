-- Where the consumer stands in each partition. PostgreSQL, not Kafka, is the source of truth: these rows are
-- written in the same transaction as the read models.
CREATE TABLE consumer_offset (
    consumer_group text        NOT NULL,
    topic          text        NOT NULL,
    partition      integer     NOT NULL,
    next_offset    bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);

-- Events this version cannot read yet (unknown type or newer schema version), counted rather than lost silently.
CREATE TABLE skipped_event (
    type         text        NOT NULL,
    version      integer     NOT NULL,
    count        bigint      NOT NULL,
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (type, version)
);

-- Records that are not events at all or that no projection can store, parked with their raw bytes.
CREATE TABLE dead_letter (
    id            bigserial   PRIMARY KEY,
    topic         text        NOT NULL,
    partition     integer     NOT NULL,
    record_offset bigint      NOT NULL,
    record_key    bytea,
    record_value  bytea,
    error         text        NOT NULL,
    parked_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (topic, partition, record_offset)
);
