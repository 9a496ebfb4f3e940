package io.satc.compiler.model.calibration;

/**
 * How far a calibration has got: {@code done} of {@code total} steps, and what the step that just
 * finished was (e.g. `cut 2 int8`), for a progress bar.
 */
public record Progress(int done, int total, String step) {
    public Progress {
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("progress " + done + " of " + total);
        }
    }

    /** The finished fraction, 1 when there is nothing to do. */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
