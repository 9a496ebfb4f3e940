package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HalfFloatTest {

    /** Every finite half value, keyed by its exact double value, built from toFloat. */
    private static final Map<Double, Short> HALVES = new HashMap<>();

    static {
        for (int h = 0; h < 0x10000; h++) {
            if ((h & 0x7C00) != 0x7C00 && h != 0x8000) {
                HALVES.put((double) HalfFloat.toFloat((short) h), (short) h);
            }
        }
    }

    /** Independent reference: round in double at the half's ulp with Math.rint (ties to even). */
    private static short reference(float f) {
        if (Float.isNaN(f)) {
            throw new IllegalArgumentException();
        }
        double x = Math.abs((double) f);
        short sign = (short) (Float.floatToRawIntBits(f) < 0 ? 0x8000 : 0);
        if (x >= 65520) {
            return (short) (sign | 0x7C00);
        }
        int exponent = Math.max(Math.getExponent(x), -14);
        double ulp = Math.scalb(1.0, exponent - 10);
        double rounded = Math.rint(x / ulp) * ulp;
        if (rounded == 0) {
            return sign;
        }
        return (short) (sign | HALVES.get(rounded));
    }

    @Test
    void everyHalfRoundTripsExactly() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloat.toFloat((short) h);
            short back = HalfFloat.fromFloat(f);
            if ((h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0) {
                assertTrue(Float.isNaN(f), "NaN half " + Integer.toHexString(h));
                assertEquals(h | 0x0200, back & 0xFFFF, "NaN keeps payload and becomes quiet");
            } else {
                assertEquals(h, back & 0xFFFF, "half " + Integer.toHexString(h));
            }
        }
    }

    @Test
    void toFloatMatchesTheDefinition() {
        for (int h = 0; h < 0x7C00; h++) {
            int exponent = h >>> 10;
            int mantissa = h & 0x3FF;
            double expected = exponent == 0 ? mantissa * 0x1p-24 : (1024 + mantissa) * Math.scalb(1.0, exponent - 25);
            assertEquals(expected, HalfFloat.toFloat((short) h), 0.0);
            assertEquals(-expected, HalfFloat.toFloat((short) (h | 0x8000)), 0.0);
        }
    }

    @Test
    void midpointsAndTheirNeighboursRoundToNearestEven() {
        for (int h = 0; h < 0x7BFF; h++) {
            float low = HalfFloat.toFloat((short) h);
            float high = HalfFloat.toFloat((short) (h + 1));
            float mid = (low + high) / 2; // 12 significant bits: exact in fp32
            for (float f : new float[] {mid, Math.nextUp(mid), Math.nextDown(mid), -mid, -Math.nextUp(mid)}) {
                assertEquals(reference(f), HalfFloat.fromFloat(f), "f=" + f);
            }
        }
        assertEquals(0x7BFF, HalfFloat.fromFloat(Math.nextDown(65520f)));
        assertEquals(0x7C00, HalfFloat.fromFloat(65520f));
    }

    @Test
    void stridedSweepOfAllFloatsMatchesReference() {
        for (long bits = 0; bits <= 0xFFFF_FFFFL; bits += 4099) {
            float f = Float.intBitsToFloat((int) bits);
            if (!Float.isNaN(f)) {
                assertEquals(reference(f), HalfFloat.fromFloat(f), "bits " + Long.toHexString(bits));
            }
        }
    }

    @Test
    void specialValues() {
        assertEquals((short) 0x7C00, HalfFloat.fromFloat(Float.POSITIVE_INFINITY));
        assertEquals((short) 0xFC00, HalfFloat.fromFloat(Float.NEGATIVE_INFINITY));
        assertEquals((short) 0x8000, HalfFloat.fromFloat(-0f));
        assertEquals((short) 0x0001, HalfFloat.fromFloat(0x1p-24f));
        assertEquals((short) 0x0000, HalfFloat.fromFloat(0x1p-25f), "tie to even at half the smallest subnormal");
        assertEquals((short) 0x0001, HalfFloat.fromFloat(Math.nextUp(0x1p-25f)));
        assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))));
        assertTrue(
                Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.intBitsToFloat(0x7F80_0001)))),
                "a signalling NaN whose payload lies in the dropped bits stays NaN");
    }

    @Property(tries = 3000)
    void matchesReferenceAndBound(@ForAll int bits) {
        float f = Float.intBitsToFloat(bits);
        if (Float.isNaN(f)) {
            assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(f))));
            return;
        }
        short h = HalfFloat.fromFloat(f);
        assertEquals(reference(f), h);
        float back = HalfFloat.toFloat(h);
        float abs = Math.abs(f);
        if (abs >= HalfFloat.MIN_NORMAL && abs <= HalfFloat.MAX_VALUE) {
            assertTrue(Math.abs(back - f) <= abs * 0x1p-11f, f + " -> " + back);
        } else if (abs < HalfFloat.MIN_NORMAL) {
            assertTrue(Math.abs(back - f) <= 0x1p-25f, f + " -> " + back);
        }
    }
}
