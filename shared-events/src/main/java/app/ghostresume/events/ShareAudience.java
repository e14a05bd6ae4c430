package app.ghostresume.events;

/** Who sees a share: everyone (the public feed), or the members of one challenge (its feed). */
public enum ShareAudience {
    PUBLIC,
    CHALLENGE
}
