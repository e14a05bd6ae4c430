package app.ghostresume.events;

import java.util.UUID;

/** An event in the life of one attempt: logged, advanced, corrected, followed up, and finally answered (or not). */
public sealed interface AttemptEvent extends SeekerEvent
        permits AttemptLogged, AttemptAdvanced, AttemptCorrected, ResponseDeadlinesSet, FollowUpDue, FollowedUp,
        RejectionReceived, AcceptanceReceived, AttemptGhosted, AttemptWithdrawn, ReflectionRecorded {

    UUID attemptId();
}
