package io.satc.compiler.cli;

import static io.satc.compiler.cli.CheckCommandTest.satc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code satc plan}: exit codes, the JSON document's required fields, infeasible missions. */
class PlanCommandTest {

    private static final String TOO_BIG = """
            mission "too-big" {
              model m { arch = vit(layers = 48, hidden = 1664, mlp = 8192, heads = 16, patch = 14, image = 224); precision = fp16 }
              workload { batch = 8; micro_batches = 2 }
              accuracy { max_loss = 1 % }
              satellite a { compute = 5 TFLOPS; memory = 1 GB }
              satellite b { compute = 5 TFLOPS; memory = 1 GB }
              ground g {}
              link a <-> b { rate = 1 Gbps }
              link b -> g { rate = 1 Gbps }
              source = a
              sink = g
            }
            """;

    @Test
    void jsonHasTheDocumentedFields() throws IOException {
        CheckCommandTest.Run r = satc(
                "plan", "--json", RepoPaths.examples().resolve("llama2-7b.sat").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("llama2-7b-eight-sats", doc.get("mission").asText());
        assertTrue(doc.get("feasible").asBoolean());
        for (String f : new String[] {"latency_s", "comm_bytes", "accuracy_loss"}) {
            assertTrue(doc.get("objective").get(f).isNumber(), f);
        }
        JsonNode stage = doc.get("stages").get(0);
        for (String f : new String[] {"node", "first_unit", "last_unit", "memory_bytes", "service_s"}) {
            assertTrue(stage.has(f), f);
        }
        JsonNode cut = doc.get("cuts").get(0);
        for (String f : new String[] {"after_unit", "codec", "ratio", "route", "bytes_per_microbatch"}) {
            assertTrue(cut.has(f), f);
        }
        assertTrue(cut.get("route").isArray());
        JsonNode baseline = doc.get("baselines").get(0);
        for (String f : new String[] {"name", "feasible", "latency_s", "comm_bytes", "reason"}) {
            assertTrue(baseline.has(f), f);
        }
        for (String f : new String[] {"expanded", "generated", "time_ms"}) {
            assertTrue(doc.get("search").has(f), f);
        }
    }

    @Test
    void infeasibleMissionExitsThreeWithReasons(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("too-big.sat");
        Files.writeString(f, TOO_BIG);
        CheckCommandTest.Run text = satc("plan", f.toString());
        assertEquals(3, text.exit(), text.out() + text.err());
        assertTrue(text.out().contains("has no feasible plan"), text.out());
        CheckCommandTest.Run json = satc("plan", "--json", f.toString());
        assertEquals(3, json.exit());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertFalse(doc.get("feasible").asBoolean());
        assertTrue(doc.get("reasons").size() > 0);
        assertTrue(
                doc.get("reasons").get(0).asText().contains("needs at least 4 stages"),
                doc.get("reasons").toString());
    }

    @Test
    void explainNamesTheBottleneck() {
        CheckCommandTest.Run r = satc(
                "plan",
                "--explain",
                RepoPaths.examples().resolve("llama2-7b.sat").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Why this plan"), r.out());
        assertTrue(r.out().contains("The bottleneck is"), r.out());
    }

    @Test
    void missionWithErrorsExitsOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.sat");
        Files.writeString(f, "mission x {\n}\n");
        assertEquals(1, satc("plan", f.toString()).exit());
    }
}
