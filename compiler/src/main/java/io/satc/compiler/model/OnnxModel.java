package io.satc.compiler.model;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.satc.compiler.model.onnx.BlockDiscovery;
import io.satc.compiler.model.onnx.CutLocator;
import io.satc.compiler.model.onnx.GraphIndex;
import io.satc.compiler.model.onnx.OnnxModelReader;
import io.satc.compiler.model.onnx.ShapeProbe;
import io.satc.compiler.model.onnx.UnitLayout;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ONNX model file as a command loaded it: the bytes, read once and parsed once (the parsed
 * model aliases them), and, derived on first use, their SHA-256, the graph index, the units the
 * split options find, the cut locator and the types of the cut tensors inferred so far. Profiling,
 * splitting, calibration and bundle writing all take this object, so one command reads and parses
 * the file once and runs ONNX Runtime to infer a cut tensor's type at most once. Not thread-safe.
 */
public final class OnnxModel {
    private final Path file;
    private final SplitOptions options;
    private final byte[] bytes;
    private final ModelProto proto;
    private final Map<String, ValueInfoProto> cutTypes = new HashMap<>();
    private String sha256;
    private ModelResult<GraphIndex> graph;
    private ModelResult<UnitLayout> layout;
    private ModelResult<CutLocator> locator;

    private OnnxModel(Path file, SplitOptions options, byte[] bytes, ModelProto proto) {
        this.file = file;
        this.options = options;
        this.bytes = bytes;
        this.proto = proto;
    }

    /** Reads and parses {@code file}; blocks and the main input are found as {@code options} say. */
    public static ModelResult<OnnxModel> read(Path file, SplitOptions options) {
        Objects.requireNonNull(options, "options");
        return OnnxModelReader.readBytes(file)
                .flatMap(bytes -> OnnxModelReader.parse(bytes, OnnxModelReader.shownName(file))
                        .map(proto -> new OnnxModel(file, options, bytes, proto)));
    }

    /** The file the model was read from. */
    public Path file() {
        return file;
    }

    /** How blocks and the main input are found. */
    public SplitOptions options() {
        return options;
    }

    /** The size of the file in bytes. */
    public long size() {
        return bytes.length;
    }

    /** SHA-256 of the file's bytes as read, in lower-case hex. */
    public String sha256() {
        if (sha256 == null) {
            try {
                sha256 = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
        return sha256;
    }

    /** The units of the model: embedding, one per block, head. */
    public ModelResult<List<ModelUnit>> units() {
        return layout().map(ModelSplitter::units);
    }

    ModelResult<GraphIndex> graph() {
        if (graph == null) {
            graph = GraphIndex.of(proto);
        }
        return graph;
    }

    ModelResult<UnitLayout> layout() {
        if (layout == null) {
            layout = graph().flatMap(g -> BlockDiscovery.discover(g, options.blockPattern()));
        }
        return layout;
    }

    ModelResult<CutLocator> locator() {
        if (locator == null) {
            locator = graph().flatMap(g -> layout().flatMap(l -> CutLocator.of(g, l, options.mainInput())));
        }
        return locator;
    }

    /**
     * Types with symbolic shapes of {@code tensors}, in that order. Those not inferred before are
     * inferred together (one ONNX Runtime probe) and kept, so a later split at other cuts reuses
     * them; a tensor's type does not depend on which other tensors are probed with it.
     */
    ModelResult<Map<String, ValueInfoProto>> cutTypes(List<String> tensors) {
        List<String> missing = new ArrayList<>();
        for (String t : tensors) {
            if (!cutTypes.containsKey(t) && !missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            ModelResult<Map<String, ValueInfoProto>> inferred = graph().flatMap(g -> ShapeProbe.infer(g, missing));
            if (inferred instanceof ModelResult.Failed<Map<String, ValueInfoProto>> failed) {
                return failed;
            }
            cutTypes.putAll(inferred.orElseThrow());
        }
        Map<String, ValueInfoProto> out = new LinkedHashMap<>();
        for (String t : tensors) {
            out.put(t, cutTypes.get(t));
        }
        return ModelResult.ok(out);
    }
}
