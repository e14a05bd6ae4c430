package app.ghostresume.events;

import java.util.Locale;

/**
 * The columns of a spreadsheet of attempts, in order: the header each is written under, the one an export writes
 * and an import reads first (among the other words for it), so that an export imports back. A status is written as
 * its word ({@link #word}).
 */
public enum AttemptColumn {
    CATEGORY("category"),
    TARGET("target"),
    TITLE("title"),
    SENT_ON("sent on"),
    STATUS("status"),
    OUTCOME_ON("outcome on"),
    STAGE("stage"),
    EXPECTED_RESPONSE_BY("expected response by"),
    NOTES("notes");

    private final String header;

    AttemptColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** A status as a spreadsheet writes it: {@code waiting}, {@code rejected} ... */
    public static String word(AttemptStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
