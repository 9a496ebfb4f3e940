package io.satc.compiler.syntax.format;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The formatter's contract on random valid missions with comments in random legal places. */
class RandomMissionPropertyTest {

    @Property(tries = 1000)
    void formattingKeepsTreeAndCommentsAndIsIdempotent(@ForAll("missions") String mission) {
        RoundTrip.check("random.sat", mission);
    }

    @Provide
    Arbitrary<String> missions() {
        return MissionGenerator.missions();
    }
}
