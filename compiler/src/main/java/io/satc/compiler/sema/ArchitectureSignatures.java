package io.satc.compiler.sema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters each built-in architecture takes (mission language §"Blocks"). Only the
 * names and which are required live here; the formulas for weights, FLOPs and activations
 * belong to lowering.
 */
public final class ArchitectureSignatures {

    /** One architecture's parameter list; {@code defaults} holds the optional ones' values. */
    public record Signature(
            String name, List<String> required, Map<String, Long> defaults, List<String> optionalNoDefault) {
        public List<String> all() {
            List<String> out = new java.util.ArrayList<>(required);
            out.addAll(defaults.keySet());
            out.addAll(optionalNoDefault);
            return out;
        }
    }

    private static final Map<String, Signature> SIGNATURES = new TreeMap<>();

    static {
        // vit: `image` or both `height` and `width`; checked by the analyser, so all three are optional here.
        SIGNATURES.put(
                "vit",
                new Signature(
                        "vit",
                        List.of("layers", "hidden", "mlp", "heads", "patch"),
                        Map.of("classes", 1000L),
                        List.of("image", "height", "width", "channels")));
        // gpt: mlp defaults to 4 * hidden, filled in by the analyser.
        SIGNATURES.put(
                "gpt",
                new Signature(
                        "gpt", List.of("layers", "hidden", "heads", "vocab", "context"), Map.of(), List.of("mlp")));
        SIGNATURES.put(
                "llama",
                new Signature(
                        "llama",
                        List.of("layers", "hidden", "mlp", "heads", "vocab", "context"),
                        Map.of(),
                        List.of("kv_heads")));
        SIGNATURES.put(
                "bert",
                new Signature(
                        "bert", List.of("layers", "hidden", "mlp", "heads", "vocab", "context"), Map.of(), List.of()));
    }

    private ArchitectureSignatures() {}

    public static Optional<Signature> lookup(String name) {
        return Optional.ofNullable(SIGNATURES.get(name));
    }

    public static List<String> names() {
        return List.copyOf(SIGNATURES.keySet());
    }
}
