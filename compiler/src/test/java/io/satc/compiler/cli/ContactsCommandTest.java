package io.satc.compiler.cli;

import static io.satc.compiler.cli.CheckCommandTest.satc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code satc contacts}: the three renderings, warnings on stderr, and the sentences for what it cannot do. */
class ContactsCommandTest {

    private static String example(String name) {
        return RepoPaths.examples().resolve(name).toString();
    }

    @Test
    void textJsonAndIonOfAMovingMission() throws IOException {
        String mission = example("orbits/paper-plane-beijing.sat");
        CheckCommandTest.Run text = satc("contacts", mission);
        assertEquals(0, text.exit(), text.err());
        assertEquals(
                Files.readString(RepoPaths.expected().resolve("orbits/paper-plane-beijing.sat.contacts.txt")),
                text.out());
        CheckCommandTest.Run json = satc("contacts", "--json", mission);
        assertEquals(0, json.exit(), json.err());
        assertEquals(
                Files.readString(RepoPaths.expected().resolve("orbits/paper-plane-beijing.sat.contacts.json")),
                json.out());
        CheckCommandTest.Run ion = satc("contacts", "--ion", mission);
        assertEquals(0, ion.exit(), ion.err());
        assertTrue(ion.out().contains("\na contact +946 +1402 1 6 "), ion.out());
        assertTrue(ion.out().contains("\na range "), ion.out());
    }

    @Test
    void jsonAndIonExcludeEachOther() {
        CheckCommandTest.Run r = satc("contacts", "--json", "--ion", example("orbits/paper-plane-beijing.sat"));
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }

    @Test
    void aMissionWithoutAHorizonHasNoContactPlan() {
        CheckCommandTest.Run r = satc("contacts", example("vit-g-paper.sat"));
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertEquals(
                "satc: " + example("vit-g-paper.sat") + ": mission `eo-vit-g` has no `horizon`, so nothing moves"
                        + " and it has no contact plan; its links are the declared ones.\n",
                r.err());
    }

    /** The decaying cubesat is left out with one warning on stderr, so stdout stays one JSON document. */
    @Test
    void aSatelliteSgp4CannotFollowIsLeftOutWithAWarning() throws IOException {
        CheckCommandTest.Run r =
                satc("contacts", "--json", "--color=never", example("errors/tle-decays-in-horizon.sat"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.err().split("warning\\[SATC6001\\]", -1).length - 1, r.err());
        assertTrue(
                r.err().contains("Satellite `mixed-41484` (TLE file `tle/decaying.tle` line 5) is left out"), r.err());
        var doc = new ObjectMapper().readTree(r.out());
        assertEquals(2, doc.get("satellites").size());
        assertEquals("mixed-41917", doc.get("satellites").get(0).get("name").asText());
    }

    @Test
    void errorsStopBeforeAnyGeometry() {
        CheckCommandTest.Run r = satc("contacts", "--color=never", example("errors/walker-phasing-out-of-range.sat"));
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertTrue(r.out().contains("error[SATC3012]"), r.out());
    }
}
