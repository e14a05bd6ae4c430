-- Where each aggregate's history stands on the query side: the last sequence consumed (applied, skipped as
-- unreadable by this version, or parked as a dead letter). The next sequence is applied; one at or below it is a
-- redelivery; one further ahead is held until the events before it have come.
CREATE TABLE aggregate_position (
    aggregate_id  text COLLATE "C" PRIMARY KEY,
    last_sequence bigint NOT NULL
);

INSERT INTO aggregate_position (aggregate_id, last_sequence)
SELECT aggregate_id, max(aggregate_sequence) FROM seeker_event GROUP BY aggregate_id;

-- Records that came ahead of an earlier event of their aggregate, kept with their bytes until it comes; while any
-- is held, health reports the gap.
CREATE TABLE held_event (
    aggregate_id       text COLLATE "C" NOT NULL,
    aggregate_sequence bigint      NOT NULL,
    topic              text        NOT NULL,
    partition          integer     NOT NULL,
    record_offset      bigint      NOT NULL,
    record_key         bytea,
    record_value       bytea       NOT NULL,
    held_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_id, aggregate_sequence)
);
