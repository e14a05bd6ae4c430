package app.ghostresume.query.insights;

/**
 * One question over all history, answered from the replayed {@link CommunityHistory} as a {@link Table} whose every
 * cell covers at least the privacy threshold of distinct seekers ({@link Privacy}). To ask another, write one class
 * implementing this, with a test, and add it to {@link Questions#ALL}.
 */
public interface Question {

    Table answer(CommunityHistory history, Privacy privacy);
}
