package app.ghostresume.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@link PersonalData personal fields} of an event, read and rewritten: a copy of the event with each non-null
 * personal field changed by a function (sealed, opened, erased), the other fields as they were.
 */
public final class PersonalFields {

    /** What a personal field reads as once its seeker's key is gone. */
    public static final String ERASED = "[erased]";

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private PersonalFields() {
    }

    /** Whether events of this type have personal fields at all. */
    public static boolean any(Class<?> type) {
        return SHAPES.get(type).personal.length > 0;
    }

    /** The names of the type's personal fields, in declaration order. */
    public static List<String> names(Class<?> type) {
        Shape shape = SHAPES.get(type);
        return Arrays.stream(shape.personal).mapToObj(i -> shape.components[i].getName()).toList();
    }

    /** Every name a personal field has in any event type, each once. */
    public static List<String> namesInAnyEvent() {
        return Arrays.stream(EventType.values()).flatMap(type -> names(type.eventClass()).stream()).distinct()
                .toList();
    }

    /** The values of the event's personal fields that are not null. */
    public static List<String> values(SeekerEvent event) {
        Shape shape = SHAPES.get(event.getClass());
        Object[] all = shape.read(event);
        List<String> values = new ArrayList<>();
        for (int i : shape.personal) {
            if (all[i] != null) {
                values.add((String) all[i]);
            }
        }
        return values;
    }

    /**
     * The event with {@code change} applied to each of its personal fields that is not null; the event itself when
     * it has none, or when nothing changed.
     */
    @SuppressWarnings("unchecked")
    public static <E extends SeekerEvent> E map(E event, UnaryOperator<String> change) {
        Shape shape = SHAPES.get(event.getClass());
        if (shape.personal.length == 0) {
            return event;
        }
        Object[] all = shape.read(event);
        boolean changed = false;
        for (int i : shape.personal) {
            if (all[i] != null) {
                Object after = change.apply((String) all[i]);
                changed |= after != all[i];
                all[i] = after;
            }
        }
        return changed ? (E) shape.create(all) : event;
    }

    /** A record type's components, their accessors and its canonical constructor. */
    private static final class Shape {

        private final RecordComponent[] components;
        private final MethodHandle[] accessors;
        private final int[] personal;
        private final MethodHandle constructor;

        private Shape(RecordComponent[] components, MethodHandle[] accessors, int[] personal,
                MethodHandle constructor) {
            this.components = components;
            this.accessors = accessors;
            this.personal = personal;
            this.constructor = constructor;
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                RecordComponent[] components = type.getRecordComponents();
                MethodHandle[] accessors = new MethodHandle[components.length];
                List<Integer> personal = new ArrayList<>();
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    if (components[i].isAnnotationPresent(PersonalData.class)) {
                        if (types[i] != String.class) {
                            throw new IllegalArgumentException(type.getSimpleName() + "." + components[i].getName()
                                    + " is personal but not text");
                        }
                        personal.add(i);
                    }
                    accessors[i] = lookup.unreflect(components[i].getAccessor());
                }
                MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, components.length);
                return new Shape(components, accessors, personal.stream().mapToInt(Integer::intValue).toArray(),
                        constructor);
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalArgumentException("cannot read the fields of " + type, ex);
            }
        }

        Object[] read(Object event) {
            Object[] values = new Object[accessors.length];
            try {
                for (int i = 0; i < accessors.length; i++) {
                    values[i] = accessors[i].invoke(event);
                }
            }
            catch (Throwable ex) {
                throw new IllegalStateException("cannot read " + event.getClass().getSimpleName(), ex);
            }
            return values;
        }

        Object create(Object[] values) {
            try {
                return constructor.invoke(values);
            }
            catch (Throwable ex) {
                throw new IllegalStateException("cannot copy " + components[0].getDeclaringRecord().getSimpleName(),
                        ex);
            }
        }
    }
}
