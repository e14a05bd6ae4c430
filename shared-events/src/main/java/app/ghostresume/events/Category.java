package app.ghostresume.events;

/** What kind of ask an attempt is. */
public enum Category {
    /** Jobs, internships. */
    JOB,
    PITCH,
    /** Manuscripts, publications. */
    SUBMISSION,
    GRANT,
    AUDITION,
    ADMISSION,
    /** Podcast guest spots, talks. */
    APPEARANCE,
    /** Asks for money. */
    FUNDING,
    /** Contracts, collaborations, sales. */
    BUSINESS,
    DATING,
    SOCIAL,
    /** Elections, awards, contests. */
    COMPETITION,
    OTHER
}
