package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.sema.AnalyzedMission.WorkloadFacts;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The `workload` block: batch, equal micro-batches, input size and sequence length. */
class WorkloadCheckerTest {

    private static WorkloadFacts check(Checking c) {
        return new WorkloadChecker(c.ctx()).check(c.blocks("workload"));
    }

    @Test
    void withoutTheBlockOneSampleInOneMicroBatch() {
        Checking c = Checking.of("mission m {}\n");
        assertEquals(new WorkloadFacts(1, 1, OptionalDouble.empty(), OptionalLong.empty()), check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void valuesAreInBaseUnits() {
        Checking c = Checking.of("""
                mission m {
                  workload { batch = 8; micro_batches = 2; input = 48 kB; sequence = 128 }
                }
                """);
        assertEquals(new WorkloadFacts(8, 2, OptionalDouble.of(48_000), OptionalLong.of(128)), check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void microBatchesMustDivideTheBatch() {
        Checking c = Checking.of("""
                mission m {
                  workload { batch = 12; micro_batches = 5 }
                }
                """);
        assertEquals(12, check(c).batch());
        assertEquals(
                List.of("SATC3006 2:42 `batch` = 12 is not divisible by `micro_batches` = 5."
                        + " | Micro-batches must be equal: pick a divisor of 12 such as 4 or 6."),
                c.reported());
    }

    @Test
    void anInvalidBatchFallsBackToOneWithoutADivisibilityError() {
        Checking c = Checking.of("""
                mission m {
                  workload { batch = 0; micro_batches = 3 }
                }
                """);
        assertEquals(new WorkloadFacts(1, 3, OptionalDouble.empty(), OptionalLong.empty()), check(c));
        assertEquals(List.of("SATC3004 2:22 `batch` must be positive, found `0`."), c.reported());
    }

    @Test
    void theHintNamesTheNearestDivisors() {
        assertEquals(" such as 1 or 7", WorkloadChecker.divisorsHint(7, 3));
        assertEquals(" such as 4 or 8", WorkloadChecker.divisorsHint(32, 5));
        assertEquals(" such as 1 or 2", WorkloadChecker.divisorsHint(100, 1));
        assertEquals(" such as 1", WorkloadChecker.divisorsHint(101, 3), "no divisor near enough above");
    }
}
