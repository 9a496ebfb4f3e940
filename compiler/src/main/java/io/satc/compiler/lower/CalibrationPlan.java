package io.satc.compiler.lower;

import io.satc.compiler.model.calibration.CalibrationMetric;
import io.satc.compiler.model.calibration.CalibrationRequest;
import io.satc.compiler.model.calibration.CalibrationTable;
import java.nio.file.Path;

/**
 * How a real-model mission's codec losses were measured: the request (its content is the
 * cache key) and the table it produced, kept so that a finished plan can be measured with all
 * its cuts compressed together.
 */
public record CalibrationPlan(CalibrationRequest request, CalibrationTable table, Path cacheDirectory) {

    public CalibrationMetric metric() {
        return request.metric();
    }
}
