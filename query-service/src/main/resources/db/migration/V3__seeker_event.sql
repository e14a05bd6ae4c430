-- Every applied event: the seeker's timeline, each attempt's history, and the de-duplication table of the consumer.
CREATE TABLE seeker_event (
    event_id           uuid        PRIMARY KEY,
    seeker_id          uuid        NOT NULL,
    aggregate_id       text        NOT NULL,
    aggregate_sequence bigint      NOT NULL,
    type               text        NOT NULL,
    event_date         date        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    details            jsonb       NOT NULL,
    UNIQUE (aggregate_id, aggregate_sequence)
);

CREATE INDEX seeker_event_timeline ON seeker_event (seeker_id, occurred_at DESC, event_id DESC);
