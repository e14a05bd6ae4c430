-- Who the seekers are, chiefly their time zone: "today" and event dates are calendar dates in it.
CREATE TABLE seeker (
    seeker_id    uuid PRIMARY KEY,
    handle       text NOT NULL,
    display_name text,
    time_zone    text NOT NULL
);
