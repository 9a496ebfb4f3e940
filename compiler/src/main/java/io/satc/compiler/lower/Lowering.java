package io.satc.compiler.lower;

import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.calibration.CalibrationSession;
import java.util.List;
import java.util.Optional;

/** The outcome of lowering: a numeric problem, or the reasons the mission cannot be planned yet. */
public sealed interface Lowering {

    /**
     * The mission as a plain numeric placement problem; for a real model, the model as loaded
     * (later steps split it without reading it again) and, when its codecs were calibrated, the
     * calibration session that measures plans on the same data. Close the session when done.
     */
    record Lowered(
            PlacementProblem problem,
            List<String> notes,
            Optional<CalibrationSession> calibration,
            Optional<OnnxModel> model)
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
