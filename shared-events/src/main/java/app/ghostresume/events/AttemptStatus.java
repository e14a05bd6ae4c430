package app.ghostresume.events;

/**
 * Where an attempt stands. WAITING until an outcome; REJECTED, ACCEPTED and WITHDRAWN are final, GHOSTED is
 * not: a late reply may still turn it into a rejection or an acceptance.
 */
public enum AttemptStatus {
    WAITING,
    REJECTED,
    ACCEPTED,
    GHOSTED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == REJECTED || this == ACCEPTED || this == WITHDRAWN;
    }
}
