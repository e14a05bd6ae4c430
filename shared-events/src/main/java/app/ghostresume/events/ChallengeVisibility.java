package app.ghostresume.events;

/** Who can see and join a challenge: anyone, or only those holding its invite code (and its members). */
public enum ChallengeVisibility {
    PUBLIC,
    INVITE
}
