-- A seeker who erased their account keeps an anonymous row (no handle, no display name): a former member in the
-- challenges they were part of. erased_on says since when (ReadModelErasure).
ALTER TABLE seeker
    ALTER COLUMN handle DROP NOT NULL,
    ADD COLUMN erased_on date;
