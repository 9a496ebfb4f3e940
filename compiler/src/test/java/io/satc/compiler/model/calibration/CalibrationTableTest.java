package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.codec.CodecSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's lookups, additive estimate, text rendering and JSON round trip. */
class CalibrationTableTest {
    private static final CalibrationTable TABLE = new CalibrationTable(
            "cosine",
            128,
            200,
            List.of(2, 4),
            List.of(CodecSpec.NONE, CodecSpec.INT8),
            List.of(
                    new CalibrationEntry(2, CodecSpec.NONE, 0.0, 0.9999720246),
                    new CalibrationEntry(2, CodecSpec.INT8, 1.2345678901234567e-4, 3.958329),
                    new CalibrationEntry(4, CodecSpec.NONE, 0.0, 0.9999720246),
                    new CalibrationEntry(4, CodecSpec.INT8, 0.1, 3.958329)));

    @Test
    void looksUpEntriesAndSumsLosses() {
        assertEquals(3.958329, TABLE.entry(2, CodecSpec.INT8).orElseThrow().ratio());
        assertTrue(TABLE.entry(3, CodecSpec.INT8).isEmpty());
        assertTrue(TABLE.entry(2, CodecSpec.INT4).isEmpty());
        assertEquals(
                1.2345678901234567e-4 + 0.1,
                TABLE.additiveLoss(List.of(2, 4), List.of(CodecSpec.INT8, CodecSpec.INT8)));
        assertThrows(IllegalArgumentException.class, () -> TABLE.additiveLoss(List.of(3), List.of(CodecSpec.INT8)));
    }

    @Test
    void jsonRoundTripsBitForBit() {
        CalibrationTable back = CalibrationTable.fromJson(TABLE.toJson()).orElseThrow();
        assertEquals(TABLE, back);
        assertEquals(TABLE.toJson(), back.toJson());
    }

    @Test
    void rendersAFixedTable() {
        assertEquals("""
        calibration: metric cosine, sequence length 128, 200 samples
         cut  codec          loss      loss %     ratio
           2  none     0.0000e+00      0.0000    1.0000
           2  int8     1.2346e-04      0.0123    3.9583
           4  none     0.0000e+00      0.0000    1.0000
           4  int8     1.0000e-01     10.0000    3.9583
        """, TABLE.render());
    }

    @Test
    void malformedJsonIsNoTable() {
        for (String json : List.of(
                "",
                "{",
                "[]",
                "{\"formatVersion\": 3}",
                // version 2 tables (before the cache kept profiles and plans) are not this format
                TABLE.toJson().replace("\"formatVersion\" : 3", "\"formatVersion\" : 2"),
                // a codec spelled other than by its canonical label
                TABLE.toJson().replace("\"int8\"", "\"INT8\""),
                "{\"formatVersion\":3,\"metric\":\"top1\",\"sequenceLength\":8,\"samples\":1,"
                        + "\"cuts\":[0],\"codecs\":[\"none\"],\"entries\":[]}",
                "{\"formatVersion\":3,\"metric\":\"top1\",\"sequenceLength\":8,\"samples\":1,"
                        + "\"cuts\":[0],\"codecs\":[\"none\"],"
                        + "\"entries\":[{\"cut\":1,\"codec\":\"none\",\"loss\":0,\"ratio\":1}]}")) {
            assertTrue(CalibrationTable.fromJson(json).isEmpty(), json);
        }
    }

    @Test
    void entriesMustMatchCutsAndCodecs() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new CalibrationTable("top1", 8, 1, List.of(0), List.of(CodecSpec.NONE), List.of()));
    }
}
