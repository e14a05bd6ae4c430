-- Kept beside the generations, not in one: a rebuild does not touch it. (Before generations, migration V14 of
-- the read models made it in this schema; then it is kept as it is.)
-- The community report's results, newest last: computed by replaying the whole topic (the insights command),
-- served read-only at GET /api/insights. Counts only, each covering at least the privacy threshold of seekers.
CREATE TABLE IF NOT EXISTS community_insight (
    computed_at       timestamptz PRIMARY KEY,
    events            bigint      NOT NULL,
    privacy_threshold integer     NOT NULL,
    report            jsonb       NOT NULL
);
