package io.satc.compiler.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in architectures ({@code vit}, {@code gpt}, {@code llama}, {@code bert}) as unit
 * profiles: the formulas of docs/cost-model.md for each unit's weights, FLOPs per sample and
 * output activation, from the architecture's parameters and the precision in bytes.
 *
 * <p>Conventions: a multiply-add is 2 FLOP; biases and normalisations add parameters but their
 * FLOPs are ignored (under 0.1 %); softmax and activation functions are ignored; attention adds
 * {@code 4 · T² · hidden} FLOP per block (QKᵀ and AV).
 */
public final class ArchitectureCatalogue {

    private ArchitectureCatalogue() {}

    /** Tokens per sample: patches plus the class token for vit, the context otherwise. */
    public static long tokens(String arch, Map<String, Long> p) {
        if (arch.equals("vit")) {
            return (p.get("height") / p.get("patch")) * (p.get("width") / p.get("patch")) + 1;
        }
        return p.get("context");
    }

    /** Raw input bytes per sample when the workload gives none: 8-bit pixels, or 32-bit token ids. */
    public static double defaultInputBytes(String arch, Map<String, Long> p) {
        if (arch.equals("vit")) {
            return (double) p.get("height") * p.get("width") * p.get("channels");
        }
        return 4.0 * p.get("context");
    }

    public static List<UnitCost> units(String arch, Map<String, Long> p, int bytes) {
        return switch (arch) {
            case "vit" -> vit(p, bytes);
            case "gpt" -> gpt(p, bytes);
            case "llama" -> llama(p, bytes);
            case "bert" -> bert(p, bytes);
            default -> throw new IllegalArgumentException("not a catalogue architecture: " + arch);
        };
    }

    /** A pre-LayerNorm block with biases and a GELU MLP (ViT, GPT-2, BERT). */
    private static UnitCost standardBlock(int index, long tokens, long h, long mlp, int bytes) {
        long attention = 4 * h * h + 4 * h;
        long ffn = 2 * h * mlp + mlp + h;
        long norms = 4 * h;
        long params = attention + ffn + norms;
        double flops = 2.0 * tokens * (4.0 * h * h + 2.0 * h * mlp) + 4.0 * tokens * tokens * h;
        return new UnitCost("block-" + index, (double) params * bytes, flops, (double) tokens * h * bytes, params);
    }

    private static List<UnitCost> vit(Map<String, Long> p, int bytes) {
        long h = p.get("hidden");
        long patch = p.get("patch");
        long c = p.get("channels");
        long t = tokens("vit", p);
        List<UnitCost> out = new ArrayList<>();
        long stem = c * patch * patch * h + h + h + t * h; // conv weight + bias, class token, positions
        out.add(new UnitCost(
                "patch-embed",
                (double) stem * bytes,
                2.0 * (t - 1) * c * patch * patch * h,
                (double) t * h * bytes,
                stem));
        for (int i = 0; i < p.get("layers"); i++) {
            out.add(standardBlock(i, t, h, p.get("mlp"), bytes));
        }
        long classes = p.get("classes");
        long head = 2 * h + h * classes + classes; // final LayerNorm + classifier on the class token
        out.add(new UnitCost("head", (double) head * bytes, 2.0 * h * classes, (double) classes * bytes, head));
        return out;
    }

    private static List<UnitCost> gpt(Map<String, Long> p, int bytes) {
        long h = p.get("hidden");
        long t = p.get("context");
        long v = p.get("vocab");
        List<UnitCost> out = new ArrayList<>();
        long embed = v * h + t * h;
        out.add(new UnitCost("embed", (double) embed * bytes, 0, (double) t * h * bytes, embed));
        for (int i = 0; i < p.get("layers"); i++) {
            out.add(standardBlock(i, t, h, p.get("mlp"), bytes));
        }
        // The head is tied to the token embedding: its stage must hold a copy of the matrix, but
        // the parameters are counted once, in the embedding. Next-token logits of the last position.
        long norm = 2 * h;
        out.add(new UnitCost("head", (double) (norm + v * h) * bytes, 2.0 * h * v, (double) v * bytes, norm));
        return out;
    }

    private static List<UnitCost> llama(Map<String, Long> p, int bytes) {
        long h = p.get("hidden");
        long t = p.get("context");
        long v = p.get("vocab");
        long mlp = p.get("mlp");
        long kv = h / p.get("heads") * p.get("kv_heads");
        List<UnitCost> out = new ArrayList<>();
        long embed = v * h;
        out.add(new UnitCost("embed", (double) embed * bytes, 0, (double) t * h * bytes, embed));
        for (int i = 0; i < p.get("layers"); i++) {
            long attention = 2 * h * h + 2 * h * kv; // q, o and the grouped k, v; no biases
            long ffn = 3 * h * mlp; // SwiGLU: gate, up, down
            long params = attention + ffn + 2 * h; // two RMSNorms
            double flops = 2.0 * t * (attention + ffn) + 4.0 * t * t * h;
            out.add(new UnitCost("block-" + i, (double) params * bytes, flops, (double) t * h * bytes, params));
        }
        long head = h + v * h; // final RMSNorm + untied output projection, last position
        out.add(new UnitCost("head", (double) head * bytes, 2.0 * h * v, (double) v * bytes, head));
        return out;
    }

    private static List<UnitCost> bert(Map<String, Long> p, int bytes) {
        long h = p.get("hidden");
        long t = p.get("context");
        long v = p.get("vocab");
        List<UnitCost> out = new ArrayList<>();
        long embed = v * h + t * h + 2 * h + 2 * h; // word, position, token-type embeddings, LayerNorm
        out.add(new UnitCost("embed", (double) embed * bytes, 0, (double) t * h * bytes, embed));
        for (int i = 0; i < p.get("layers"); i++) {
            out.add(standardBlock(i, t, h, p.get("mlp"), bytes));
        }
        long pooler = h * h + h; // dense + tanh on the [CLS] token: the sentence embedding
        out.add(new UnitCost("pooler", (double) pooler * bytes, 2.0 * h * h, (double) h * bytes, pooler));
        return out;
    }
}
