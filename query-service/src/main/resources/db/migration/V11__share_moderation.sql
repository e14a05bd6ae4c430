-- Shares hidden after reports await an operator's review: PENDING while hidden, then RESTORED (visible again) or
-- REMOVED (hidden for good). The reports themselves, for the operators' queue; reporters are never shown.
ALTER TABLE share ADD COLUMN moderation text, ADD COLUMN hidden_at timestamptz;
UPDATE share SET moderation = 'PENDING' WHERE hidden;

CREATE TABLE share_report (
    share_id    uuid        NOT NULL,
    reporter_id uuid        NOT NULL,
    reason      text        NOT NULL,
    counted     boolean     NOT NULL,
    reported_at timestamptz NOT NULL,
    PRIMARY KEY (share_id, reporter_id)
);

CREATE INDEX share_pending_review ON share (hidden_at) WHERE moderation = 'PENDING';
