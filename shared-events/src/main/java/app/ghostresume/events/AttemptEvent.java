package app.ghostresume.events;

import java.util.UUID;

/** An event in the life of one attempt: logged, advanced, corrected, and finally answered (or not). */
public sealed interface AttemptEvent extends SeekerEvent
        permits AttemptLogged, AttemptAdvanced, AttemptCorrected, RejectionReceived, AcceptanceReceived,
        AttemptGhosted, AttemptWithdrawn {

    UUID attemptId();
}
