package io.satc.runtime.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a {@link System#nanoTime()} deadline with about 0.1 ms precision: parks for all
 * but the last stretch, then spins, because {@code parkNanos} alone overshoots by the
 * scheduler's timer slack.
 */
final class Pacer {

    private static final long SPIN_NANOS = 150_000;

    private Pacer() {}

    static void waitUntil(long deadlineNanos) throws InterruptedException {
        for (; ; ) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
