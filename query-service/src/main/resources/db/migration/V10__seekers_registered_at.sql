-- When each seeker registered (the service's clock, not a date anyone typed), so that pooled target statistics can
-- count only seekers with an established history.
ALTER TABLE seeker ADD COLUMN registered_at timestamptz;

UPDATE seeker SET registered_at = registration.occurred_at
FROM seeker_event registration
WHERE registration.seeker_id = seeker.seeker_id AND registration.type = 'SeekerRegistered';
