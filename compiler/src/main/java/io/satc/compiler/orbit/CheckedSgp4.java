package io.satc.compiler.orbit;

import org.orekit.attitudes.AttitudeProvider;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.SGP4;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Orekit's near-Earth SGP4 with the mean-element checks of Vallado's reference SGP4 (its error 1),
 * which Orekit leaves out: after the secular update the mean semi-major axis must stay above 0.95
 * Earth radii and the mean eccentricity below 1, and drag must not drive it below -0.001 (Orekit
 * clamps it to 1e-6 and goes on with a meaningless orbit). The drag test uses the secular term
 * {@code B* C4 t}, the one that grows without bound.
 */
final class CheckedSgp4 extends SGP4 {

    CheckedSgp4(TLE tle, AttitudeProvider attitude, double mass, Frame teme) {
        super(tle, attitude, mass, teme);
    }

    @Override
    protected void sxpPropagate(double minutes) {
        super.sxpPropagate(minutes);
        if (a < 0.95) {
            throw new TleSgp4.Failure("the mean semi-major axis fell below 0.95 Earth radii (the orbit has decayed)");
        }
        if (e >= 1) {
            throw new TleSgp4.Failure("the mean eccentricity reached 1");
        }
        if (tle.getE() - tle.getBStar() * c4 * minutes < -0.001) {
            throw new TleSgp4.Failure("drag drove the mean eccentricity below zero (the element set is too old)");
        }
    }
}
