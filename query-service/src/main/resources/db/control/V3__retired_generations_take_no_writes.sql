-- Put on a generation's consumer_offset by the switch that retires it, in the same transaction: from then on
-- none of its consumers, in any instance, can commit another batch (each batch stores its offsets last), so the
-- retired generation holds still where the switch found it and the new one, which stood at least there, never
-- shows less than it did. The refused batch is retried until the instance sees the switch and stops the consumer.
CREATE FUNCTION refuse_writes_to_a_retired_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the read models in schema % are a retired generation', TG_TABLE_SCHEMA
        USING ERRCODE = 'object_not_in_prerequisite_state';
END
$$;
