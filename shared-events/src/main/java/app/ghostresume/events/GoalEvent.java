package app.ghostresume.events;

import java.util.UUID;

/** An event in the life of one of a seeker's goals. */
public sealed interface GoalEvent extends SeekerEvent permits GoalSet, GoalTargetChanged, GoalRetired {

    UUID goalId();
}
