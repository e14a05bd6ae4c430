-- The journal kept a share's payload without its attempt and challenge (they were taken for the aggregate's own
-- id); replays need both, so rows written before are completed from the share they belong to.
UPDATE seeker_event e
SET details = e.details || jsonb_strip_nulls(jsonb_build_object('attemptId', s.attempt_id,
                                                                 'challengeId', s.challenge_id))
FROM share s
WHERE e.type = 'RejectionShared' AND e.aggregate_id = s.share_id::text
  AND e.details -> 'attemptId' IS NULL AND e.details -> 'challengeId' IS NULL;
