package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one value reader the checkers share: counts, files, attributes, and the table of quantities. */
class ValueReaderTest {

    private static Attributes workload(Checking c) {
        return c.ctx().blocks().attributes(c.block("workload").body(), "`workload`", WorkloadChecker.KEYS);
    }

    @Test
    void aCountIsAPositiveIntegerClampedToAnInt() {
        Checking c =
                Checking.of("mission m {\n  workload { batch = 7; micro_batches = 9999999999; sequence = 2.5 }\n}\n");
        Attributes attrs = workload(c);
        ValueReader values = c.ctx().values();
        assertEquals(OptionalInt.of(7), values.count("batch", attrs.get("batch").value()));
        assertEquals(
                OptionalInt.of(Integer.MAX_VALUE),
                values.count("micro_batches", attrs.get("micro_batches").value()));
        assertEquals(
                OptionalInt.empty(),
                values.count("sequence", attrs.get("sequence").value()));
        assertEquals(List.of("SATC3007 2:64 `sequence` must be a whole number, found `2.5`."), c.reported());
    }

    @Test
    void aFileResolvesBesideTheMissionAndMustExist(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/t.json"), "{}");
        Checking c = Checking.at(dir.resolve("m.sat"), """
                mission m {
                  model t { tokenizer = "data/../data/t.json"; onnx = "x.onnx"; profile = "p.csv"; blocks = data }
                }
                """);
        Attributes attrs = c.ctx().blocks().attributes(c.block("model").body(), "model", ModelChecker.KEYS);
        ValueReader values = c.ctx().values();
        assertEquals(
                Optional.of(dir.resolve("data/t.json")),
                values.file("tokenizer", attrs.get("tokenizer").value()));
        assertEquals(Optional.empty(), values.file("onnx", attrs.get("onnx").value()));
        assertEquals(
                Optional.empty(), values.file("profile", attrs.get("profile").value()));
        assertEquals(Optional.empty(), values.file("blocks", attrs.get("blocks").value()));
        assertEquals(
                List.of(
                        "SATC4001 2:55 ONNX model `x.onnx` not found. | Paths are relative to the folder of the mission file.",
                        "SATC4001 2:75 Profile `p.csv` not found. | Paths are relative to the folder of the mission file.",
                        "SATC3009 2:93 `blocks` expects a quoted string, found the name `data`. | Quote it: `\"data\"`."),
                c.reported());
    }

    @Test
    void positiveAttributesAreReadOnlyWhenGivenAndEveryQuantityIsTabled() {
        Checking c = Checking.of("mission m {\n  workload { input = 48 kB; batch = 4 }\n}\n");
        Attributes attrs = workload(c);
        ValueReader values = c.ctx().values();
        assertEquals(OptionalDouble.of(48_000), values.positive(attrs, "input", Dimension.DATA));
        assertEquals(OptionalDouble.empty(), values.positive(attrs, "sequence", Dimension.NUMBER));
        values.positiveInteger("batch", attrs.get("batch").value());
        Value input = attrs.get("input").value();
        assertEquals(new Quantity(48_000, Dimension.DATA), values.quantities().get((NumberValue) input));
        assertEquals(2, values.quantities().size());
        assertEquals(List.of(), c.reported());
    }
}
