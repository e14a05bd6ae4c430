package app.ghostresume.query.consumption;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/** Lets readers wait for the next committed batch instead of polling the database in a tight loop. */
@Component
public class ProjectionProgress {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();

    void batchCommitted() {
        lock.lock();
        try {
            committed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Returns when a batch was committed or the time is up, whichever comes first. */
    public void awaitNextBatch(Duration atMost) throws InterruptedException {
        lock.lock();
        try {
            committed.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
        }
        finally {
            lock.unlock();
        }
    }
}
