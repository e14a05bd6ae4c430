-- The board keeps how much a rejection stung (resilience) and the normalised target (per-target statistics).
-- target_key is set by the projection (TargetKey); rows projected before this version get it from V7 (a Java
-- migration, since the key is computed by TargetKey).
ALTER TABLE attempt_board
    ADD COLUMN sting      smallint,
    ADD COLUMN target_key text;

-- As in the projection, an attempt's latest rejection sets its sting (none if it had none). An attempt may have
-- several RejectionReceived events, and a plain UPDATE ... FROM seeker_event would pick any one of them.
UPDATE attempt_board b
SET sting = latest.sting
FROM (SELECT DISTINCT ON (e.aggregate_id) e.aggregate_id, (e.details ->> 'sting')::smallint AS sting
      FROM seeker_event e
      WHERE e.type = 'RejectionReceived'
      ORDER BY e.aggregate_id, e.aggregate_sequence DESC) latest
WHERE latest.aggregate_id = b.attempt_id::text AND b.status = 'REJECTED';

-- One target's attempts in a window, and prefix search over the keys (byte-wise, whatever the collation).
CREATE INDEX attempt_board_by_target ON attempt_board (target_key text_pattern_ops, sent_on)
    WHERE target_key IS NOT NULL;

-- Whether a seeker's ghost résumé is public (the latest ProfileChanged), and handle lookup regardless of case.
ALTER TABLE seeker
    ADD COLUMN public_ghost_resume boolean NOT NULL DEFAULT false,
    ADD COLUMN profile_sequence    bigint;

CREATE INDEX seeker_by_handle ON seeker (lower(handle));

-- Private reflections on attempts; only their author reads them.
CREATE TABLE reflection (
    reflection_id   uuid        PRIMARY KEY,
    attempt_id      uuid        NOT NULL,
    seeker_id       uuid        NOT NULL,
    what_happened   text,
    what_i_learned  text,
    next_time       text,
    was_it_personal text,
    recorded_on     date        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    sequence        bigint      NOT NULL
);

CREATE INDEX reflection_by_seeker ON reflection (seeker_id, recorded_on DESC, recorded_at DESC, reflection_id DESC);
CREATE INDEX reflection_by_attempt ON reflection (attempt_id, sequence);

-- Shared rejections as they stand now. position orders the feeds newest first: a fresh number each time the share
-- is (re-)shared, from a sequence owned by the column (a rebuild restarts it).
CREATE TABLE share (
    share_id      uuid    PRIMARY KEY,
    author_id     uuid    NOT NULL,
    attempt_id    uuid,
    anonymous     boolean NOT NULL,
    audience      text    NOT NULL,
    challenge_id  uuid,
    outcome       text    NOT NULL,
    category      text    NOT NULL,
    stage_reached text,
    sting         smallint,
    decided_on    date,
    shared_on     date,
    story         text,
    active        boolean NOT NULL,
    hidden        boolean NOT NULL DEFAULT false,
    position      bigint  NOT NULL,
    last_sequence bigint  NOT NULL
);

CREATE SEQUENCE share_position OWNED BY share.position;

CREATE UNIQUE INDEX share_public_feed ON share (position DESC)
    WHERE active AND NOT hidden AND audience = 'PUBLIC';
CREATE INDEX share_challenge_feed ON share (challenge_id, position DESC)
    WHERE active AND NOT hidden AND audience = 'CHALLENGE';
CREATE INDEX share_by_author ON share (author_id, position DESC) WHERE active;

-- Support given to a share, one row per supporter and kind; counted when read. A withdrawal of the share deletes
-- its rows, so a share shared again starts without support.
CREATE TABLE share_support (
    share_id     uuid        NOT NULL,
    supporter_id uuid        NOT NULL,
    kind         text        NOT NULL,
    message      text,
    offered_at   timestamptz NOT NULL,
    PRIMARY KEY (share_id, supporter_id, kind)
);
