package app.ghostresume.command.platform;

/**
 * What a request names and may not find: the subject of a 404, worded the same whether the id is unknown, malformed
 * or someone else's, so a refusal reveals nothing.
 */
public enum Subject {
    SEEKER("seeker"),
    ATTEMPT("attempt"),
    GOAL("goal"),
    PAUSE("pause"),
    CHALLENGE("challenge"),
    SHARE("share"),
    IMPORT("import");

    private final String word;

    Subject(String word) {
        this.word = word;
    }

    /** The one wording of "not found" for this subject. */
    public String notFoundDetail() {
        return "No such " + word + ".";
    }
}
