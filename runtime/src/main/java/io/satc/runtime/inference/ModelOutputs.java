package io.satc.runtime.inference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a real-model run produced, beside the per-micro-batch checksums every run reports. */
public sealed interface ModelOutputs permits ModelOutputs.Embeddings, ModelOutputs.Generated, ModelOutputs.Checksums {

    /** Adds this output to the {@code outputs} object of the run's JSON. */
    void writeTo(ObjectNode outputs);

    /**
     * An encoder's sentence embeddings: the last hidden state mean-pooled over the attention mask
     * and L2-normalised (the pooling all-MiniLM-L6-v2 was trained with), one per input sample.
     */
    record Embeddings(List<String> texts, List<float[]> vectors) implements ModelOutputs {

        public Embeddings {
            texts = List.copyOf(texts);
            vectors = List.copyOf(vectors);
        }

        @Override
        public void writeTo(ObjectNode outputs) {
            outputs.put("kind", "embeddings");
            ArrayNode list = outputs.putArray("samples");
            for (int i = 0; i < texts.size(); i++) {
                ObjectNode node = list.addObject();
                node.put("text", texts.get(i));
                ArrayNode v = node.putArray("embedding");
                for (float x : vectors.get(i)) {
                    v.add(x);
                }
            }
        }
    }

    /** A decoder's greedy continuations of each prompt, {@code steps} characters each. */
    record Generated(List<String> prompts, List<String> continuations, int steps) implements ModelOutputs {

        public Generated {
            prompts = List.copyOf(prompts);
            continuations = List.copyOf(continuations);
        }

        @Override
        public void writeTo(ObjectNode outputs) {
            outputs.put("kind", "text");
            outputs.put("steps", steps);
            ArrayNode list = outputs.putArray("samples");
            for (int i = 0; i < prompts.size(); i++) {
                ObjectNode node = list.addObject();
                node.put("prompt", prompts.get(i));
                node.put("generated", continuations.get(i));
            }
        }
    }

    /**
     * Simulation and tensor bundles: the output is identified by its checksums alone.
     *
     * @param checksums one per micro-batch, when they are not already in a run report's
     *                  {@code micro_batches} (a distributed run's sink); else empty
     */
    record Checksums(List<String> checksums) implements ModelOutputs {

        public Checksums {
            checksums = List.copyOf(checksums);
        }

        @Override
        public void writeTo(ObjectNode outputs) {
            outputs.put("kind", "checksums");
            if (!checksums.isEmpty()) {
                ArrayNode list = outputs.putArray("checksums");
                checksums.forEach(list::add);
            }
        }
    }
}
