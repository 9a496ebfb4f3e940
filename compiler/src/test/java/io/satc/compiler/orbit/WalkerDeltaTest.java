package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalkerDeltaTest {

    private static final double DEG = Math.PI / 180;

    @Test
    void namesArePaddedToTheDigitsOfTheLargestIndex() {
        WalkerDelta shell = new WalkerDelta("shell", 72, 22, 39, 550, 53 * DEG, Propagation.TWO_BODY);
        assertEquals("shell-03-07", shell.satelliteName(3, 7));
        assertEquals("shell-71-21", shell.satelliteName(71, 21));
        WalkerDelta iridium = new WalkerDelta("iri", 6, 11, 2, 780, 86.4 * DEG, Propagation.TWO_BODY);
        assertEquals("iri-05-10", iridium.satelliteName(5, 10));
        assertEquals("iri-00-03", iridium.satelliteName(0, 3));
        WalkerDelta big = new WalkerDelta("w", 101, 5, 0, 500, 0, Propagation.TWO_BODY);
        assertEquals("w-007-004", big.satelliteName(7, 4));
    }

    @Test
    void satellitesComePlaneByPlaneWithTheContractsAngles() {
        WalkerDelta w = new WalkerDelta("w", 4, 3, 1, 700, 60 * DEG, Propagation.J2);
        List<Satellite> sats = w.satellites();
        assertEquals(12, sats.size());
        assertEquals("w-2-1", sats.get(2 * 3 + 1).name());
        Orbit.Circular c = (Orbit.Circular) sats.get(2 * 3 + 1).orbit();
        assertEquals(2 * Math.PI * 2 / 4, c.raanRad(), 1e-15);
        // u0 = 360° s / S + 360° F p / T = 120° + 360° * 2 / 12 = 180°
        assertEquals(Math.PI, c.argumentOfLatitudeRad(), 1e-15);
        assertEquals(Earth.RADIUS_KM + 700, c.semiMajorAxisKm(), 0);
        assertEquals(Propagation.J2, c.propagation());
    }

    @Test
    void phasingOutsideThePlanesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WalkerDelta("w", 4, 3, 4, 700, 0, Propagation.TWO_BODY));
    }
}
