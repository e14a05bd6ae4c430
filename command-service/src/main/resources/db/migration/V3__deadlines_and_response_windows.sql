-- Persistent deadlines (automatic ghosting, follow-up reminders): db-scheduler's table, as its PostgreSQL DDL
-- for the 15.x/16.x line defines it.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Each seeker's response windows in days, per category, as last set (SeekerSettingsChanged); written in the same
-- transaction as that event. No row: the category's default.
CREATE TABLE seeker_response_window (
    seeker_id      uuid    NOT NULL,
    category       text    NOT NULL,
    ghosting_days  integer NOT NULL CHECK (ghosting_days BETWEEN 1 AND 365),
    follow_up_days integer NOT NULL CHECK (follow_up_days BETWEEN 1 AND 365),
    PRIMARY KEY (seeker_id, category)
);
