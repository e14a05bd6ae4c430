-- The one definition of a counted fact, which every count of goals, challenges and statistics reads: an attempt
-- counts once on the day it was sent (fact SENT, whatever became of it), and its outcome once on the day it came
-- (fact REJECTED, ACCEPTED, GHOSTED or WITHDRAWN). A correction or a late reply moves the fact with the board row.
-- Each branch is answered from its own index of attempt_board: (seeker_id, sent_on ...) and
-- (seeker_id, status, outcome_on).
CREATE VIEW counted_fact AS
    SELECT seeker_id, attempt_id, category, status, 'SENT'::text AS fact, sent_on AS day, sent_on, outcome_on
    FROM attempt_board
    UNION ALL
    SELECT seeker_id, attempt_id, category, status, status AS fact, outcome_on AS day, sent_on, outcome_on
    FROM attempt_board
    WHERE status IN ('REJECTED', 'ACCEPTED', 'GHOSTED', 'WITHDRAWN') AND outcome_on IS NOT NULL;
