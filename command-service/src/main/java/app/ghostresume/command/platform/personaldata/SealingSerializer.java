package app.ghostresume.command.platform.personaldata;

import app.ghostresume.events.SeekerEvent;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * Axon's event serializer, sealing each event's personal fields as it is serialized (into the event store) and
 * opening them as it is read back (by aggregates and processors). Everything else is the configured serializer's.
 */
public final class SealingSerializer implements Serializer {

    private final Serializer delegate;
    private final EventSealing sealing;

    SealingSerializer(Serializer delegate, EventSealing sealing) {
        this.delegate = delegate;
        this.sealing = sealing;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object instanceof SeekerEvent event ? sealing.seal(event) : object,
                expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Object object = delegate.deserialize(serializedObject);
        return (T) (object instanceof SeekerEvent event ? sealing.open(event) : object);
    }

    /** The event as stored: its personal fields still sealed. */
    public <S> SeekerEvent deserializeSealed(SerializedObject<S> serializedObject) {
        return delegate.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
