-- The generations of the read models, each a complete set of every read model in a schema of its own
-- (read_models_<generation>), built from the start of the topic by a consumer group of its own with its own offsets.
-- One is LIVE: it consumes and answers every read. At most one other is being built beside it (PREPARING while
-- its schema is migrated, then BUILDING); once it has caught up it becomes LIVE in the same transaction as the
-- old one becomes RETIRED. A RETIRED or CANCELLED generation's schema is dropped after a grace period, recorded in
-- dropped_at. Every instance of the query service reads this table and follows it.
CREATE TABLE read_model_generation (
    generation  integer     PRIMARY KEY CHECK (generation > 0),
    schema_name text        NOT NULL UNIQUE,
    state       text        NOT NULL CHECK (state IN ('PREPARING', 'BUILDING', 'LIVE', 'RETIRED', 'CANCELLED')),
    reason      text        NOT NULL,
    -- false: once caught up it waits for an operator to switch (to look at it first)
    switch_when_caught_up boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    live_since  timestamptz,
    ended_at    timestamptz,
    dropped_at  timestamptz
);

CREATE UNIQUE INDEX read_model_generation_one_live ON read_model_generation ((true)) WHERE state = 'LIVE';
CREATE UNIQUE INDEX read_model_generation_one_building ON read_model_generation ((true))
    WHERE state IN ('PREPARING', 'BUILDING');
