package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the splitter must refuse give the right error value and never an exception. */
class BadModelTest {
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    private static final int BOOL = TensorProto.DataType.BOOL_VALUE;

    @TempDir
    Path dir;

    @Test
    void textFileIsNotOnnx() throws Exception {
        Path file = dir.resolve("notes.onnx");
        Files.writeString(file, "This is a text file, not a model.\nIt has two lines.\n", StandardCharsets.UTF_8);
        expect(ModelErrorKind.NOT_ONNX, file, List.of(0));
    }

    @Test
    void randomBytesAreNotOnnx() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[1 + random.nextInt(8192)];
            random.nextBytes(bytes);
            Path file = dir.resolve("random" + i + ".onnx");
            Files.write(file, bytes);
            expect(ModelErrorKind.NOT_ONNX, file, List.of(0));
        }
    }

    @Test
    void emptyFileAndGraphlessModelAreNotOnnx() throws Exception {
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        expect(ModelErrorKind.NOT_ONNX, empty, List.of(0));
        Path graphless = dir.resolve("graphless.onnx");
        Files.write(graphless, ModelProto.newBuilder().setIrVersion(8).build().toByteArray());
        expect(ModelErrorKind.NOT_ONNX, graphless, List.of(0));
    }

    @Test
    void missingFileIsUnreadable() {
        expect(ModelErrorKind.UNREADABLE, dir.resolve("absent.onnx"), List.of(0));
    }

    @Test
    void modelWithoutBlockScopes() throws Exception {
        Path file = new TinyGraph()
                .input("x", FLOAT, "n", 4)
                .weight("w", 4, 4, 1f)
                .node("MatMul", "/fc/MatMul", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, "n", 4)
                .write(dir, "plain.onnx");
        expect(ModelErrorKind.NO_BLOCK_SCOPES, file, List.of(0));
    }

    @Test
    void blockPatternProblems() {
        Path kjv = TestModels.kjv();
        assertEquals(
                ModelErrorKind.INVALID_BLOCK_PATTERN,
                error(ModelSplitter.split(kjv, List.of(0), Optional.of("/blocks\\.(\\d+/")))
                        .kind());
        assertEquals(
                ModelErrorKind.INVALID_BLOCK_PATTERN,
                error(ModelSplitter.split(kjv, List.of(0), Optional.of("/blocks\\.\\d+/")))
                        .kind());
        assertEquals(
                ModelErrorKind.NO_BLOCK_SCOPES,
                error(ModelSplitter.split(kjv, List.of(0), Optional.of("/layer_(\\d+)/")))
                        .kind());
        assertEquals(
                ModelErrorKind.UNSUPPORTED_MODEL,
                error(ModelSplitter.split(kjv, List.of(0), new SplitOptions(Optional.empty(), Optional.of("pixels"))))
                        .kind());
    }

    @Test
    void cutPositionsOutOfRangeOrRepeated() {
        Path kjv = TestModels.kjv();
        assertEquals(
                ModelErrorKind.INVALID_CUT,
                error(ModelSplitter.split(kjv, List.of(5), Optional.empty())).kind());
        assertEquals(
                ModelErrorKind.INVALID_CUT,
                error(ModelSplitter.split(kjv, List.of(-1), Optional.empty())).kind());
        assertEquals(
                ModelErrorKind.INVALID_CUT,
                error(ModelSplitter.split(kjv, List.of(2, 2), Optional.empty())).kind());
    }

    @Test
    void laterBlockFeedingAnEarlierOne() throws Exception {
        Path file = new TinyGraph()
                .input("x", FLOAT, "n", 4)
                .node("Relu", "/blocks.1/Relu", List.of("x"), List.of("a"))
                .node("Neg", "/blocks.0/Neg", List.of("a"), List.of("y"))
                .output("y", FLOAT, "n", 4)
                .write(dir, "backwards.onnx");
        expect(ModelErrorKind.BLOCKS_NOT_CONTIGUOUS, file, List.of(0));
    }

    @Test
    void missingBlockIndex() throws Exception {
        Path file = new TinyGraph()
                .input("x", FLOAT, "n", 4)
                .node("Relu", "/blocks.0/Relu", List.of("x"), List.of("a"))
                .node("Neg", "/blocks.2/Neg", List.of("a"), List.of("y"))
                .output("y", FLOAT, "n", 4)
                .write(dir, "gap.onnx");
        expect(ModelErrorKind.BLOCKS_NOT_CONTIGUOUS, file, List.of(0));
    }

    @Test
    void controlFlowAcrossACut() throws Exception {
        GraphProto branch = GraphProto.newBuilder()
                .setName("branch")
                .addNode(NodeProto.newBuilder()
                        .setOpType("Identity")
                        .setName("/blocks.0/inner")
                        .addInput("a")
                        .addOutput("t"))
                .addNode(NodeProto.newBuilder()
                        .setOpType("Neg")
                        .setName("/blocks.1/inner")
                        .addInput("t")
                        .addOutput("u"))
                .addOutput(TinyGraph.info("u", FLOAT, "n", 4))
                .build();
        Path file = new TinyGraph()
                .input("x", FLOAT, "n", 4)
                .input("c", BOOL)
                .node("Relu", "/blocks.0/Relu", List.of("x"), List.of("a"))
                .node(
                        "If",
                        "/If",
                        List.of("c"),
                        List.of("b"),
                        TinyGraph.graphAttribute("then_branch", branch),
                        TinyGraph.graphAttribute(
                                "else_branch",
                                branch.toBuilder().setName("other").build()))
                .node("Neg", "/blocks.1/Neg", List.of("b"), List.of("y"))
                .output("y", FLOAT, "n", 4)
                .write(dir, "if.onnx");
        expect(ModelErrorKind.CONTROL_FLOW_CROSSES_CUT, file, List.of(1));
    }

    @Test
    void twoTensorsCrossingACut() throws Exception {
        Path file = new TinyGraph()
                .input("x", FLOAT, "n", 4)
                .weight("w1", 4, 4, 1f)
                .weight("w2", 4, 4, 2f)
                .node("MatMul", "/blocks.0/MatMul", List.of("x", "w1"), List.of("a"))
                .node("MatMul", "/blocks.0/MatMul_1", List.of("x", "w2"), List.of("b"))
                .node("Add", "/blocks.1/Add", List.of("a", "b"), List.of("y"))
                .output("y", FLOAT, "n", 4)
                .write(dir, "two.onnx");
        ModelError error = expect(ModelErrorKind.CUT_NOT_SINGLE_TENSOR, file, List.of(1));
        assertEquals(
                "The cut after unit 1 (`block.0`) is not a single tensor: 2 tensors cross it (`a`, `b`)"
                        + " and no one tensor feeds them all.",
                error.message());
    }

    private static ModelError expect(ModelErrorKind kind, Path file, List<Integer> cuts) {
        ModelError split = error(ModelSplitter.split(file, cuts, Optional.empty()));
        System.out.println(file.getFileName() + ": " + split);
        assertEquals(kind, split.kind(), split.message());
        assertFalse(split.message().isBlank());
        if (kind != ModelErrorKind.CONTROL_FLOW_CROSSES_CUT && kind != ModelErrorKind.CUT_NOT_SINGLE_TENSOR) {
            assertEquals(
                    kind,
                    error(ModelProfiler.profile(file, 8, Optional.empty())).kind());
        }
        return split;
    }

    private static <T> ModelError error(ModelResult<T> result) {
        if (result instanceof ModelResult.Failed<T> failed) {
            return failed.error();
        }
        throw new AssertionError("expected an error, got " + result);
    }
}
