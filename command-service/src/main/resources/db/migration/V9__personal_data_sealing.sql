-- Events stored before personal fields were sealed hold them in plain text. PlaintextResealing seals them in place,
-- in global-index order, remembering here how far it got; finished_at is set once the whole store is sealed.
CREATE TABLE personal_data_sealing (
    id          integer     PRIMARY KEY CHECK (id = 1),
    position    bigint      NOT NULL,
    finished_at timestamptz
);
INSERT INTO personal_data_sealing (id, position) VALUES (1, -1);
