-- Sign-in credentials; handles are unique regardless of case.
CREATE TABLE seeker_account (
    seeker_id     uuid PRIMARY KEY,
    handle        text        NOT NULL,
    password_hash text        NOT NULL,
    time_zone     text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX seeker_account_handle_key ON seeker_account (lower(handle));

-- Secrets made once per installation: the JWT signing key pair, the idempotency fingerprint key.
CREATE TABLE server_secret (
    name       text PRIMARY KEY,
    value      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- POSTs seen with an Idempotency-Key, per caller; status is null while the first request runs.
CREATE TABLE idempotent_request (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    status          integer,
    content_type    text,
    location        text,
    body            bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
