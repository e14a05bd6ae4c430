-- Each attempt as it stands now: what the board lists and what the statistics count.
CREATE TABLE attempt_board (
    attempt_id           uuid        PRIMARY KEY,
    seeker_id            uuid        NOT NULL,
    category             text        NOT NULL,
    target               text,
    title                text,
    notes                text,
    status               text        NOT NULL,
    stage                text,
    sent_on              date        NOT NULL,
    expected_response_by date,
    outcome_on           date,
    logged_at            timestamptz NOT NULL,
    last_sequence        bigint      NOT NULL
);

CREATE INDEX attempt_board_by_seeker ON attempt_board (seeker_id, sent_on DESC, logged_at DESC, attempt_id DESC);
