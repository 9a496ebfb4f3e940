package io.satc.runtime.cli;

import io.satc.runtime.inference.ModelOutputs;
import java.io.PrintWriter;
import java.util.Locale;

/** One line per sample of a model's outputs, as `satc run` and `satc node` print them. */
final class OutputLines {

    private OutputLines() {}

    /** Generated text after its prompt, or the first values of each embedding; nothing for checksums. */
    static void print(ModelOutputs outputs, PrintWriter out, String indent) {
        if (outputs instanceof ModelOutputs.Generated g) {
            for (int i = 0; i < g.prompts().size(); i++) {
                out.printf(
                        Locale.ROOT,
                        "%s%3d  %s⟨%s⟩%n",
                        indent,
                        i,
                        g.prompts().get(i),
                        g.continuations().get(i).replace("\n", "⏎"));
            }
        } else if (outputs instanceof ModelOutputs.Embeddings e) {
            for (int i = 0; i < e.texts().size(); i++) {
                float[] v = e.vectors().get(i);
                out.printf(
                        Locale.ROOT,
                        "%s%3d  [%+.4f %+.4f %+.4f %+.4f …]  %s%n",
                        indent,
                        i,
                        v[0],
                        v[1],
                        v[2],
                        v[3],
                        ellipsis(e.texts().get(i), 60));
            }
        }
    }

    private static String ellipsis(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
