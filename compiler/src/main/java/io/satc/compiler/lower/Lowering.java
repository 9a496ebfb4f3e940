package io.satc.compiler.lower;

import java.util.List;

/** The outcome of lowering: a numeric problem, or the reasons the mission cannot be planned yet. */
public sealed interface Lowering {

    /** The mission as a plain numeric placement problem. */
    record Lowered(PlacementProblem problem, List<String> notes, java.util.Optional<CalibrationPlan> calibration)
            implements Lowering {
        public Lowered {
            notes = List.copyOf(notes);
        }
    }

    /** Lowering is impossible; each reason is a sentence for the user. */
    record Unsupported(List<String> reasons) implements Lowering {
        public Unsupported {
            reasons = List.copyOf(reasons);
        }
    }
}
