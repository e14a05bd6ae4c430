package app.ghostresume.query.insights;

import java.util.List;

/** The questions the community report answers, in the order it shows them. */
final class Questions {

    static final List<Question> ALL = List.of(new CriticalMassOfNos(), new DaysToResponse(), new GoalTargetsMet(),
            new StingByNthRejection(), new ChallengeCompletion());

    private Questions() {
    }
}
