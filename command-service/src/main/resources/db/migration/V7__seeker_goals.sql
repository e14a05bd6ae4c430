-- Each seeker's goals, kept beside the event store so that setting a goal can count the seeker's goals not retired
-- (at most 20). Written in the command's transaction.
CREATE TABLE seeker_goal (
    goal_id   uuid    PRIMARY KEY,
    seeker_id uuid    NOT NULL,
    ends_on   date,
    retired   boolean NOT NULL DEFAULT false
);

CREATE INDEX seeker_goal_by_seeker ON seeker_goal (seeker_id);

INSERT INTO seeker_goal (goal_id, seeker_id, ends_on, retired)
SELECT CAST(goal.aggregate_identifier AS uuid),
       CAST(convert_from(goal.payload, 'UTF8')::jsonb ->> 'seekerId' AS uuid),
       CASE WHEN jsonb_typeof(convert_from(goal.payload, 'UTF8')::jsonb -> 'endsOn') = 'array'
            THEN make_date((convert_from(goal.payload, 'UTF8')::jsonb -> 'endsOn' ->> 0)::int,
                           (convert_from(goal.payload, 'UTF8')::jsonb -> 'endsOn' ->> 1)::int,
                           (convert_from(goal.payload, 'UTF8')::jsonb -> 'endsOn' ->> 2)::int)
            ELSE CAST(convert_from(goal.payload, 'UTF8')::jsonb ->> 'endsOn' AS date) END,
       EXISTS (SELECT 1 FROM domain_event_entry retired
               WHERE retired.aggregate_identifier = goal.aggregate_identifier
                 AND retired.payload_type LIKE '%GoalRetired')
FROM domain_event_entry goal
WHERE goal.payload_type LIKE '%GoalSet'
ON CONFLICT DO NOTHING;
