package app.ghostresume.query.consumption;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/** Tells whoever waits for the read models to move (parked reads) that a batch was committed. */
@Component
public class ProjectionProgress {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Runs {@code listener} on the consumer's thread after each committed batch: it must only hand work on. */
    public void onBatchCommitted(Runnable listener) {
        listeners.add(listener);
    }

    void batchCommitted() {
        listeners.forEach(Runnable::run);
    }
}
