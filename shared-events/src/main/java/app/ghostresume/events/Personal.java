package app.ghostresume.events;

/** A seeker's answer to "was it even personal?" in a reflection. */
public enum Personal {
    YES,
    NO,
    UNSURE
}
