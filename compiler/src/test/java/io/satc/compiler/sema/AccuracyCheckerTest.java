package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.sema.AnalyzedMission.AccuracyFacts;
import io.satc.compiler.sema.AnalyzedMission.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `accuracy` block: the loss allowed, its metric, the calibration data and sample count. */
class AccuracyCheckerTest {

    private static AccuracyFacts check(Checking c) {
        return new AccuracyChecker(c.ctx()).check(c.blocks("accuracy"));
    }

    @Test
    void withoutTheBlockNoLossIsAllowed() {
        Checking c = Checking.of("mission m {}\n");
        assertEquals(new AccuracyFacts(0, Metric.TOP1, Optional.empty(), OptionalInt.empty()), check(c));
    }

    @Test
    void valuesAreRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cal.txt"), "one\ntwo\n");
        Checking c = Checking.at(dir.resolve("m.sat"), """
                mission m {
                  accuracy { max_loss = 1 %; metric = cosine; calibration = "cal.txt"; samples = 64 }
                }
                """);
        assertEquals(
                new AccuracyFacts(0.01, Metric.COSINE, Optional.of(dir.resolve("cal.txt")), OptionalInt.of(64)),
                check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aHugeSampleCountIsClampedToAnInt() {
        Checking c = Checking.of("mission m {\n  accuracy { samples = 10000000000 }\n}\n");
        assertEquals(OptionalInt.of(Integer.MAX_VALUE), check(c).samples());
    }

    @Test
    void badValuesAreReportedAndFallBack(@TempDir Path dir) {
        Checking c = Checking.at(dir.resolve("m.sat"), """
                mission m {
                  accuracy { max_loss = 120 %; metric = top5; calibration = "none.txt" }
                }
                """);
        assertEquals(new AccuracyFacts(0, Metric.TOP1, Optional.empty(), OptionalInt.empty()), check(c));
        assertEquals(
                List.of(
                        "SATC3005 2:25 `max_loss` must lie between 0 % and 100 %, found `120 %`."
                                + " | A loss is a fraction of accuracy, e.g. `1 %` or `0.3 %`.",
                        "SATC2020 2:41 `metric` must be one of `top1` or `cosine`, found `top5`. | Did you mean `top1`?",
                        "SATC4001 2:61 Calibration data `none.txt` not found."
                                + " | Paths are relative to the folder of the mission file."),
                c.reported());
    }
}
