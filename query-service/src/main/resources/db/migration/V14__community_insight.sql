-- The community report's results, newest last: computed by replaying the whole topic (the insights command),
-- served read-only at GET /api/insights. Counts only, each covering at least the privacy threshold of seekers.
CREATE TABLE community_insight (
    computed_at       timestamptz PRIMARY KEY,
    events            bigint      NOT NULL,
    privacy_threshold integer     NOT NULL,
    report            jsonb       NOT NULL
);
