package io.satc.runtime.pipeline;

/** How a run uses the clock: as fast as this machine goes, or paced to the predicted hardware. */
public enum TimingMode {
    /** No padding and unpaced links: every resource runs as fast as this machine allows. */
    NATIVE,
    /**
     * Stages padded to their predicted service time and links held for serialization and
     * propagation, all multiplied by the time scale, so the run reproduces the planned hardware.
     */
    EMULATE
}
