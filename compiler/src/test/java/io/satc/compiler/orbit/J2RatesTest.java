package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.PropagationType;
import org.orekit.propagation.analytical.BrouwerLyddanePropagator;
import org.orekit.time.AbsoluteDate;

/**
 * The secular J2 rates against Orekit's Brouwer-Lyddane theory restricted to J2 (C30 = C40 = C50 =
 * 0, no drag): its mean elements, recovered from the propagated osculating orbit, drift at Brouwer's
 * secular rates, which add second-order (J2²) terms to ours. Those terms are about J2 (R/a)² ≈ 0.1 %
 * of the J2 effect (measured: 0.03 % to 0.23 %), so the J2 part of each rate must agree to 0.5 %.
 */
class J2RatesTest {

    private static final double DEG = Math.PI / 180;
    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");

    @Test
    void secularRatesAgreeWithBrouwerLyddaneToTheSecondOrder() {
        double worst = 0;
        for (double[] c : List.of(
                new double[] {550, 53}, new double[] {780, 86.4}, new double[] {600, 97.8}, new double[] {1200, 30})) {
            double a = Earth.RADIUS_KM + c[0];
            double inc = c[1] * DEG;
            double n = Math.sqrt(Earth.MU_KM3_S2 / (a * a * a));
            AbsoluteDate t0 = OrekitOracle.date(START, 0);
            KeplerianOrbit mean = new KeplerianOrbit(
                    a * 1e3,
                    0.01,
                    inc,
                    0,
                    10 * DEG,
                    20 * DEG,
                    PositionAngleType.MEAN,
                    OrekitOracle.INERTIAL,
                    t0,
                    OrekitOracle.MU);
            BrouwerLyddanePropagator bl = new BrouwerLyddanePropagator(
                    mean,
                    new FrameAlignedProvider(OrekitOracle.INERTIAL),
                    1000,
                    Earth.RADIUS_KM * 1e3,
                    OrekitOracle.MU,
                    -Earth.J2,
                    0,
                    0,
                    0,
                    PropagationType.MEAN,
                    0,
                    1e-11,
                    200);
            double t = 86400;
            KeplerianOrbit later = BrouwerLyddanePropagator.computeMeanOrbit(
                    bl.propagate(t0.shiftedBy(t)).getOrbit(),
                    Earth.RADIUS_KM * 1e3,
                    OrekitOracle.MU,
                    -Earth.J2,
                    0,
                    0,
                    0,
                    0,
                    1e-11,
                    500);
            double raanRate = Math.IEEEremainder(later.getRightAscensionOfAscendingNode() - 10 * DEG, 2 * Math.PI) / t;
            double u0 = 20 * DEG;
            double u1 = later.getPerigeeArgument() + later.getMeanAnomaly();
            double uDrift = Math.IEEEremainder(u1 - u0 - J2Rates.argumentOfLatitudeRate(a, inc) * t, 2 * Math.PI);
            double ourRaan = J2Rates.raanRate(a, inc);
            double ourUJ2 = J2Rates.argumentOfLatitudeRate(a, inc) - n;
            double raanError = Math.abs(raanRate - ourRaan) / Math.abs(ourRaan);
            double uError = Math.abs(uDrift / t) / Math.abs(ourUJ2);
            System.out.printf(
                    "J2 at %.0f km, %.1f deg: RAAN rate off by %.4f %%, argument-of-latitude J2 rate off by %.4f %%"
                            + " (%.3f km along track per day)%n",
                    c[0], c[1], 100 * raanError, 100 * uError, Math.abs(uDrift) * a);
            worst = Math.max(worst, Math.max(raanError, uError));
        }
        assertTrue(worst < 0.005, "J2 rates differ from Brouwer-Lyddane by " + 100 * worst + " %");
    }
}
