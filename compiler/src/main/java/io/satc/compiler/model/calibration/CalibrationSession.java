package io.satc.compiler.model.calibration;

import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelProfile;
import io.satc.compiler.model.ModelProfiler;
import io.satc.compiler.model.ModelResult;
import io.satc.runtime.codec.CodecSpec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One request's calibration during one command. The cache answers when it can: the table, the
 * model's profile and every plan measured before come from its record without running the model.
 * Otherwise the model runs once for the whole command: one calibrator (one split at every cut,
 * one tokenisation of the set, one uncompressed reference pass) serves the table and every plan
 * still to measure, and each new result is stored. Holds ONNX Runtime sessions once it has run the
 * model: close it. Not thread-safe.
 */
public final class CalibrationSession implements AutoCloseable {
    private final CalibrationRequest request;
    private final CalibrationCache cache;
    private final String key;
    private CalibrationRecord record;
    private Calibrator calibrator;

    private CalibrationSession(CalibrationRequest request, CalibrationCache cache, String key) {
        this.request = request;
        this.cache = cache;
        this.key = key;
    }

    /**
     * The session for {@code request}: its record from {@code cache} on a hit; on a miss, the
     * profile and the table computed (progress as {@link Calibrator#calibrate} reports it) and stored.
     */
    public static ModelResult<CalibrationSession> open(
            CalibrationRequest request, CalibrationCache cache, Consumer<Progress> progress) {
        String key;
        try {
            key = CalibrationCache.key(request);
        } catch (IOException e) {
            return ModelResult.failed(
                    ModelErrorKind.UNREADABLE, "Cannot read the inputs of the calibration: " + e.getMessage());
        }
        CalibrationSession session = new CalibrationSession(request, cache, key);
        Optional<CalibrationRecord> hit = cache.lookup(key)
                .filter(r -> CalibrationCache.matches(r.table(), request)
                        && r.profile().sequenceLength() == request.sequenceLength());
        if (hit.isPresent()) {
            session.record = hit.get();
            return ModelResult.ok(session);
        }
        ModelResult<ModelProfile> profile = ModelProfiler.profile(request.model(), request.sequenceLength());
        ModelResult<CalibrationTable> table =
                profile.flatMap(p -> session.calibrator().flatMap(c -> c.tableFor(request, progress)));
        if (table instanceof ModelResult.Failed<CalibrationTable> failed) {
            session.close();
            return ModelResult.failed(failed.error());
        }
        session.record = new CalibrationRecord(profile.orElseThrow(), table.orElseThrow(), List.of());
        cache.store(key, session.record);
        return ModelResult.ok(session);
    }

    public CalibrationRequest request() {
        return request;
    }

    /** The measured per-cut table. */
    public CalibrationTable table() {
        return record.table();
    }

    /** The model's cost-model profile at the request's sequence length. */
    public ModelProfile profile() {
        return record.profile();
    }

    /**
     * The end-to-end loss of a plan (cuts ascending, one codec each; see {@link Calibrator#measure}),
     * from the record when measured before, else measured now and stored.
     */
    public ModelResult<Double> measure(List<Integer> cutsAfterUnit, List<CodecSpec> codecs) {
        if (cutsAfterUnit.isEmpty() && codecs.isEmpty()) {
            return ModelResult.ok(0.0); // one stage: nothing is compressed, nothing to run
        }
        Optional<Double> known = record.loss(cutsAfterUnit, codecs);
        if (known.isPresent()) {
            return ModelResult.ok(known.get());
        }
        ModelResult<Double> measured = calibrator().flatMap(c -> c.measure(cutsAfterUnit, codecs));
        if (measured instanceof ModelResult.Ok<Double> ok) {
            record = record.with(new MeasuredPlan(cutsAfterUnit, codecs, ok.value()));
            cache.store(key, record);
        }
        return measured;
    }

    /** Whether this session has run the model (a miss, or a plan not measured before). */
    public boolean ranModel() {
        return calibrator != null;
    }

    @Override
    public void close() {
        if (calibrator != null) {
            calibrator.close();
        }
    }

    /** The one calibrator of this session, opened on first need. */
    private ModelResult<Calibrator> calibrator() {
        if (calibrator != null) {
            return ModelResult.ok(calibrator);
        }
        ModelResult<Calibrator> opened = Calibrator.open(request);
        opened.map(c -> calibrator = c);
        return opened;
    }
}
