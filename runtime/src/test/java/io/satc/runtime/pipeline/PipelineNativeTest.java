package io.satc.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineNativeTest {

    private static final int M = 8;

    private final PipelineRunner runner = new PipelineRunner();

    @TempDir
    Path dir;

    private RunReport run(Bundle bundle, RunOptions options) {
        return assertInstanceOf(
                        RunResult.Completed.class, runner.run(bundle, options.withTimeout(Duration.ofSeconds(30))))
                .report();
    }

    @Test
    void hopsCarryRealFramesAndOutputsAreDeterministic() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(M));
        RunReport first = run(bundle, RunOptions.nativeSpeed());
        RunReport second = run(bundle, RunOptions.nativeSpeed());

        List<String> names =
                first.resources().stream().map(ResourceReport::name).collect(Collectors.toList());
        assertEquals(
                List.of(
                        "stage 1 on leo-1",
                        "link leo-1 -> leo-2",
                        "stage 2 on leo-2",
                        "link leo-2 -> relay",
                        "link relay -> leo-3",
                        "stage 3 on leo-3",
                        "link leo-3 -> ground"),
                names);
        long total = 0;
        for (ResourceReport r : first.resources()) {
            if (r.kind().equals("hop")) {
                int transfer =
                        r.name().equals("link leo-1 -> leo-2") ? 1 : r.name().endsWith("ground") ? 3 : 2;
                assertEquals(M * TestBundles.frameBytes(transfer), r.bytes(), r.name());
                total += r.bytes();
            }
        }
        assertEquals(total, first.bytesTotal());
        assertEquals((long) bundle.manifest().predicted().commBytes(), first.bytesTotal());
        assertEquals(List.of(), first.warnings());
        assertEquals(M, first.outputs().size());
        assertEquals(checksums(first), checksums(second));
        assertEquals(M, checksums(first).stream().distinct().count(), "every micro-batch has its own output");
        assertTrue(
                first.makespanMeasured() > 0 && first.makespanMeasured() < first.makespanPredicted(),
                "this machine moves tiny frames faster than the planned links");
    }

    @Test
    void outputsDoNotDependOnTimingOrCodecPath() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(M));
        RunReport fast = run(bundle, RunOptions.nativeSpeed().withWarmUp(false));
        RunReport paced = run(bundle, RunOptions.emulate(0.2));
        assertEquals(checksums(fast), checksums(paced));
        Bundle other = TestBundles.write(dir.resolve("other"), TestBundles.emulation(M));
        assertEquals(
                checksums(fast),
                checksums(run(other, RunOptions.nativeSpeed())),
                "the same stages and codecs behind other links give the same activations");
    }

    @Test
    void reportJsonHasTheDocumentedShape() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(2));
        RunReport report = run(bundle, RunOptions.nativeSpeed());
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals("native", json.get("mode").asText());
        assertEquals(
                report.makespanPredicted(), json.at("/makespan_s/predicted").asDouble());
        assertEquals(report.makespanMeasured(), json.at("/makespan_s/measured").asDouble());
        assertEquals(7, json.get("resources").size());
        assertEquals("stage 1 on leo-1", json.at("/resources/0/name").asText());
        assertEquals("stage", json.at("/resources/0/kind").asText());
        assertEquals(report.bytesTotal(), json.get("bytes_total").asLong());
        assertEquals(
                report.outputs().get(1).checksum(),
                json.at("/outputs/micro_batches/1/checksum").asText());
        assertEquals(16, json.at("/outputs/micro_batches/1/checksum").asText().length());
    }

    private static List<String> checksums(RunReport report) {
        return report.outputs().stream().map(MicroBatchOutput::checksum).collect(Collectors.toList());
    }
}
