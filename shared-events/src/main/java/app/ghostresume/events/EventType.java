package app.ghostresume.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of events: the name each travels under and its current schema version. A consumer skips a
 * name it does not know and a version newer than the one it was built with.
 */
public enum EventType {
    SEEKER_REGISTERED(SeekerRegistered.class, 1),
    SEEKER_SETTINGS_CHANGED(SeekerSettingsChanged.class, 1),
    PROFILE_CHANGED(ProfileChanged.class, 1),
    PAUSE_SCHEDULED(PauseScheduled.class, 1),
    PAUSE_CANCELLED(PauseCancelled.class, 1),
    ATTEMPT_LOGGED(AttemptLogged.class, 1),
    ATTEMPT_ADVANCED(AttemptAdvanced.class, 1),
    ATTEMPT_CORRECTED(AttemptCorrected.class, 1),
    RESPONSE_DEADLINES_SET(ResponseDeadlinesSet.class, 1),
    FOLLOW_UP_DUE(FollowUpDue.class, 1),
    FOLLOWED_UP(FollowedUp.class, 1),
    REJECTION_RECEIVED(RejectionReceived.class, 1),
    ACCEPTANCE_RECEIVED(AcceptanceReceived.class, 1),
    /** Version 1 gained {@code automatic} as an additive field: older payloads without it read as false. */
    ATTEMPT_GHOSTED(AttemptGhosted.class, 1),
    ATTEMPT_WITHDRAWN(AttemptWithdrawn.class, 1),
    REFLECTION_RECORDED(ReflectionRecorded.class, 1),
    GOAL_SET(GoalSet.class, 1),
    GOAL_TARGET_CHANGED(GoalTargetChanged.class, 1),
    GOAL_RETIRED(GoalRetired.class, 1),
    /** Version 1 gained {@code createdOn} as an additive field: older payloads without it have no day of their own. */
    CHALLENGE_CREATED(ChallengeCreated.class, 1),
    CHALLENGE_JOINED(ChallengeJoined.class, 1),
    CHALLENGE_LEFT(ChallengeLeft.class, 1),
    REJECTION_SHARED(RejectionShared.class, 1),
    /**
     * The share events after {@link RejectionShared} gained their day ({@code withdrawnOn}, {@code offeredOn} ...) as
     * an additive field of version 1: older payloads without it have no day of their own.
     */
    SHARE_WITHDRAWN(ShareWithdrawn.class, 1),
    SUPPORT_OFFERED(SupportOffered.class, 1),
    SUPPORT_WITHDRAWN(SupportWithdrawn.class, 1),
    /** Version 1 gained {@code counted} and {@code reportedOn} as additive fields: older reports without it count. */
    SHARE_REPORTED(ShareReported.class, 1),
    SHARE_HIDDEN(ShareHidden.class, 1),
    SHARE_RESTORED(ShareRestored.class, 1),
    SHARE_REMOVED(ShareRemoved.class, 1),
    SEEKER_ERASED(SeekerErased.class, 1);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

    private final Class<? extends SeekerEvent> eventClass;
    private final int version;

    EventType(Class<? extends SeekerEvent> eventClass, int version) {
        this.eventClass = eventClass;
        this.version = version;
    }

    /** The name on the wire: the record's simple name, e.g. {@code RejectionReceived}. */
    public String typeName() {
        return eventClass.getSimpleName();
    }

    public int version() {
        return version;
    }

    public Class<? extends SeekerEvent> eventClass() {
        return eventClass;
    }

    public static Optional<EventType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static EventType of(SeekerEvent event) {
        return BY_CLASS.get(event.getClass());
    }
}
