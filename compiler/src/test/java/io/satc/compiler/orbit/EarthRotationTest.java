package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EarthRotationTest {

    @Test
    void matchesValladosWorkedExample() {
        // Vallado, Fundamentals of Astrodynamics, example 3-5: 1992-08-20 12:14 UT1 → 152.578787886°.
        // The book rounds T_UT1 to 9 digits, which moves the angle by 3e-8° (8 µs of rotation).
        double gmst = EarthRotation.gmstRad(Instant.parse("1992-08-20T12:14:00Z"));
        assertEquals(152.578787886, Math.toDegrees(gmst), 1e-7);
    }

    @Test
    void matchesOrekitsIau82GmstWithUt1EqualToUtc() {
        Instant start = Instant.parse("2026-12-04T00:00:00Z");
        EarthRotation rotation = new EarthRotation(start);
        double worst = 0;
        for (double t = 0; t <= 7 * 86400; t += 1234.567) {
            double ref = OrekitOracle.GMST.value(OrekitOracle.date(start, t));
            double d = Math.IEEEremainder(rotation.gmstRad(t) - ref, 2 * Math.PI);
            worst = Math.max(worst, Math.abs(d));
        }
        // 1e-10 rad is 0.6 mm on the equator.
        assertEquals(0, worst, 1e-10);
    }
}
