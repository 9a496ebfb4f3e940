package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.PlacementProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stage-window table against the loop it stands for: walk the units from {@code first},
 * accumulate, and stop at the first window over memory. Equal to the bit, so that the search's
 * numbers did not move when the loops became one table.
 */
class StageWindowsTest {

    @Test
    void equalsTheStraightforwardLoop() {
        for (long seed = 0; seed < 300; seed++) {
            PlacementProblem problem = RandomProblems.generate(seed, seed % 2 == 0);
            StageWindows windows = new StageWindows(problem);
            List<ModelUnit> units = problem.units();
            int b = problem.microBatchSize();
            for (int first = 0; first < units.size(); first++) {
                double aIn = first == 0
                        ? problem.inputBytesPerSample()
                        : units.get(first - 1).outBytesPerSample();
                assertEquals(aIn, windows.activation(first - 1));
                for (ComputeNode node : problem.nodes()) {
                    double flops = 0.0;
                    double weights = 0.0;
                    double maxOut = 0.0;
                    int lastFitting = first - 1;
                    int lastByWeights = first - 1;
                    for (int k = first; k < units.size(); k++) {
                        flops += units.get(k).flopsPerSample();
                        weights += units.get(k).weightBytes();
                        maxOut = Math.max(maxOut, units.get(k).outBytesPerSample());
                        double memory = weights + 2.0 * b * Math.max(aIn, maxOut);
                        assertEquals(flops, windows.flops(first, k));
                        assertEquals(memory, windows.memoryBytes(first, k));
                        if (memory <= node.memoryBytes() && lastFitting == k - 1) {
                            lastFitting = k;
                        }
                        if (weights <= node.memoryBytes() && lastByWeights == k - 1) {
                            lastByWeights = k;
                        }
                    }
                    String at = "seed " + seed + ", first " + first + ", node " + node.name();
                    assertEquals(lastFitting, windows.lastFitting(first, node.memoryBytes()), at);
                    assertEquals(lastByWeights, windows.lastFittingWeights(first, node.memoryBytes()), at);
                }
            }
        }
    }
}
