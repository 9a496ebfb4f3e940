package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation of two-line element sets, as the analysis uses it. */
class TleLinesTest {

    private static final String L1 = "1 24793U 97020B   18020.90610358  .00000051  00000-0  11032-4 0  9993";
    private static final String L2 = "2 24793  86.3955 227.9531 0002192  93.4632 266.6815 14.34242484 84173";

    @Test
    void aValidSetHasNoProblemAndItsCatalogueNumber() {
        assertTrue(Orbit.Tle.problem(L1, L2).isEmpty());
        assertEquals(24793, new Orbit.Tle(L1, L2).catalogNumber());
    }

    @Test
    void aChecksumErrorIsNamed() {
        String bad = L2.substring(0, L2.length() - 1) + "4";
        String problem = Orbit.Tle.problem(L1, bad).orElseThrow();
        assertTrue(problem.contains("checksum"), problem);
    }

    @Test
    void garbageIsNotAnElementSet() {
        assertTrue(Orbit.Tle.problem("1 hello", "2 world").isPresent());
        assertTrue(Orbit.Tle.problem(L1, L1).isPresent());
    }
}
