-- The one definition of an active day, which the activity streak and the calendar of active days read: a day with
-- an attempt sent, a rejection or an acceptance (counted facts, V12), or a ghosting the seeker declared (an
-- automatic one is not the seeker's doing). One row per fact; BoardRow.activeDays is its twin for reports
-- replayed from the journal.
CREATE VIEW active_fact AS
    SELECT seeker_id, attempt_id, day FROM counted_fact WHERE fact IN ('SENT', 'REJECTED', 'ACCEPTED')
    UNION ALL
    SELECT seeker_id, attempt_id, ghosted_on AS day FROM attempt_board
    WHERE ghosted_on IS NOT NULL AND NOT ghosted_automatically;
