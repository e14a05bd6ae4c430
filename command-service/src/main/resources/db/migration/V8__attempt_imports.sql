-- Spreadsheet imports and how far each has come: rows done of all readable ones, attempts created, rows imported
-- by an earlier import of the same file, and the refused rows with their line and reason. Kept so that whoever
-- started an import can follow it; an import whose row count stops moving was cut short by a restart (its file can
-- be sent again: nothing is created twice).
CREATE TABLE attempt_import (
    import_id  uuid        PRIMARY KEY,
    seeker_id  uuid        NOT NULL,
    total      integer     NOT NULL,
    done       integer     NOT NULL DEFAULT 0,
    created    integer     NOT NULL DEFAULT 0,
    already    integer     NOT NULL DEFAULT 0,
    refused    jsonb       NOT NULL DEFAULT '[]',
    finished   boolean     NOT NULL DEFAULT false,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX attempt_import_by_seeker ON attempt_import (seeker_id, started_at DESC);
