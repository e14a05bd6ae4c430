-- The attempt board learns an attempt's deadlines, its open follow-up reminder and how it was ghosted.
-- ghosted_on keeps the day of the last ghosting even after a late reply replaced the outcome.
ALTER TABLE attempt_board
    ADD COLUMN follow_up_on          date,
    ADD COLUMN ghosted_after         date,
    ADD COLUMN reminder_due_on       date,
    ADD COLUMN followed_up_on        date,
    ADD COLUMN ghosted_on            date,
    ADD COLUMN ghosted_automatically boolean NOT NULL DEFAULT false;

-- Goals, streaks and challenges count outcomes by their own date; attempts by sent_on use attempt_board_by_seeker.
CREATE INDEX attempt_board_outcomes ON attempt_board (seeker_id, status, outcome_on);
CREATE INDEX attempt_board_open_reminders ON attempt_board (seeker_id, reminder_due_on)
    WHERE reminder_due_on IS NOT NULL;

-- A seeker's goals as set; the counts behind them are computed from attempt_board when read.
CREATE TABLE goal (
    goal_id    uuid        PRIMARY KEY,
    seeker_id  uuid        NOT NULL,
    metric     text        NOT NULL,
    category   text,
    target     integer     NOT NULL,
    period     text        NOT NULL,
    starts_on  date        NOT NULL,
    ends_on    date,
    retired_on date,
    set_at     timestamptz NOT NULL
);

CREATE INDEX goal_by_seeker ON goal (seeker_id, set_at, goal_id);

-- Every target change, in the goal's order: a period takes the latest change effective on or before its start.
CREATE TABLE goal_target_change (
    goal_id        uuid    NOT NULL,
    sequence       bigint  NOT NULL,
    target         integer NOT NULL,
    effective_from date    NOT NULL,
    PRIMARY KEY (goal_id, sequence)
);

-- Breaks from streaks; a cancelled pause is kept but no longer counts.
CREATE TABLE pause (
    pause_id  uuid    PRIMARY KEY,
    seeker_id uuid    NOT NULL,
    starts_on date    NOT NULL,
    ends_on   date    NOT NULL,
    reason    text,
    cancelled boolean NOT NULL DEFAULT false
);

CREATE INDEX pause_by_seeker ON pause (seeker_id, starts_on);

-- The windows a seeker chose, category name to days; categories never mentioned keep their defaults.
CREATE TABLE seeker_settings (
    seeker_id      uuid  PRIMARY KEY,
    ghosting_days  jsonb NOT NULL,
    follow_up_days jsonb NOT NULL
);

-- Group challenges and their members; members' counts are computed from attempt_board when read.
CREATE TABLE challenge (
    challenge_id  uuid        PRIMARY KEY,
    creator_id    uuid        NOT NULL,
    name          text        NOT NULL,
    description   text,
    starts_on     date        NOT NULL,
    ends_on       date        NOT NULL,
    goal_metric   text        NOT NULL,
    goal_category text,
    goal_target   integer     NOT NULL,
    goal_per      text        NOT NULL,
    visibility    text        NOT NULL,
    invite_code   text,
    created_at    timestamptz NOT NULL
);

CREATE INDEX challenge_public ON challenge (created_at DESC, challenge_id DESC) WHERE visibility = 'PUBLIC';

-- A member is current while left_on is null; joining again clears it.
CREATE TABLE challenge_member (
    challenge_id uuid NOT NULL,
    seeker_id    uuid NOT NULL,
    joined_on    date NOT NULL,
    left_on      date,
    PRIMARY KEY (challenge_id, seeker_id)
);

CREATE INDEX challenge_member_by_seeker ON challenge_member (seeker_id, challenge_id) WHERE left_on IS NULL;
