package app.ghostresume.events;

/** The ways to answer a shared rejection. A seeker gives each kind at most once per share. */
public enum SupportKind {
    ME_TOO,
    HUG,
    YOU_GOT_THIS,
    PROUD
}
