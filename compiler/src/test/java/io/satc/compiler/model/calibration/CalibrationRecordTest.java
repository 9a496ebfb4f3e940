package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.model.ModelProfile;
import io.satc.compiler.model.UnitProfile;
import io.satc.runtime.codec.CodecSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the cache keeps per request: the table, the model's profile and the measured plans, round trip exact. */
class CalibrationRecordTest {
    private static final CalibrationTable TABLE = new CalibrationTable(
            "top1",
            64,
            12,
            List.of(0, 1),
            List.of(CodecSpec.INT8.withZstd(), CodecSpec.topK(250_000)),
            List.of(
                    new CalibrationEntry(0, CodecSpec.INT8.withZstd(), 0.00383, 4.96),
                    new CalibrationEntry(0, CodecSpec.topK(250_000), 0.436, 9.84),
                    new CalibrationEntry(1, CodecSpec.INT8.withZstd(), 0.00175, 4.1),
                    new CalibrationEntry(1, CodecSpec.topK(250_000), 0.203, 9.84)));
    private static final ModelProfile PROFILE = new ModelProfile(
            64,
            512,
            List.of(
                    new UnitProfile("embedding", 33_280, 0, 32_768),
                    new UnitProfile("block.0", 792_064, 25_690_112, 32_768),
                    new UnitProfile("head", 8_600_000_000L, 1_081_344, 270_336)));
    private static final CalibrationRecord RECORD = new CalibrationRecord(
            PROFILE,
            TABLE,
            List.of(
                    new MeasuredPlan(List.of(0), List.of(CodecSpec.INT8.withZstd()), 0.00383),
                    new MeasuredPlan(
                            List.of(0, 1), List.of(CodecSpec.topK(250_000), CodecSpec.INT8.withZstd()), 0.4411)));

    @Test
    void jsonRoundTripsExactly() {
        CalibrationRecord back = CalibrationRecord.fromJson(RECORD.toJson()).orElseThrow();
        assertEquals(RECORD, back);
        assertEquals(RECORD.toJson(), back.toJson());
        // A record is the table's JSON with two more fields, so it reads as the table too.
        assertEquals(Optional.of(TABLE), CalibrationTable.fromJson(RECORD.toJson()));
    }

    @Test
    void plansAreLookedUpByCutsAndCodecs() {
        assertEquals(
                Optional.of(0.4411),
                RECORD.loss(List.of(0, 1), List.of(CodecSpec.topK(250_000), CodecSpec.INT8.withZstd())));
        assertEquals(
                Optional.empty(),
                RECORD.loss(List.of(0, 1), List.of(CodecSpec.INT8.withZstd(), CodecSpec.topK(250_000))));
        assertEquals(Optional.empty(), RECORD.loss(List.of(1), List.of(CodecSpec.INT8.withZstd())));
        CalibrationRecord more = RECORD.with(new MeasuredPlan(List.of(1), List.of(CodecSpec.INT8.withZstd()), 0.00175));
        assertEquals(Optional.of(0.00175), more.loss(List.of(1), List.of(CodecSpec.INT8.withZstd())));
        assertEquals(2, RECORD.plans().size());
    }

    @Test
    void aTableAloneOrABrokenProfileOrPlanIsNoRecord() {
        String json = RECORD.toJson();
        for (String broken : List.of(
                TABLE.toJson(),
                json.replace("\"weightBytes\" : 792064", "\"weightBytes\" : \"792064\""),
                json.replace("\"units\" : [", "\"units\" : [ ] , \"x\" : ["),
                json.replace("\"loss\" : 0.4411", "\"loss\" : null"),
                json.replace("\"topk(25%)\", \"int8+zstd\"", "\"topk(25%)\""),
                json.replace("\"codecs\" : [ \"topk(25%)\"", "\"codecs\" : [ \"topk(0.25)\""))) {
            assertTrue(broken.equals(TABLE.toJson()) || !broken.equals(json), "the edit applies");
            assertTrue(CalibrationRecord.fromJson(broken).isEmpty(), broken);
        }
    }
}
