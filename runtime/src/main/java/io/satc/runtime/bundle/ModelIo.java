package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a real-model bundle meets the world: the model's inputs the source sends, how text becomes
 * those inputs, the sample inputs shipped with the bundle, and what the sink makes of the output.
 *
 * @param kind       {@link #ENCODER} (output pooled into one embedding per sample),
 *                   {@link #DECODER} (output logits; text is generated one token per pipeline pass)
 *                   or {@link #TENSOR} (the output tensor is reported as it is)
 * @param inputs     the model's graph inputs per micro-batch, in message order: the first is stage
 *                   1's {@code input}; the rest are side inputs some stage or the sink reads
 * @param sinkInputs names from {@code inputs} the sink needs besides the output (the encoder's
 *                   attention mask, for pooling)
 * @param sequence   tokens (or characters) per sample, the length every sample is padded or cut to
 * @param tokenizer  the tokenizer file (HuggingFace WordPiece {@code tokenizer.json} or a character
 *                   table with {@code stoi}/{@code itos}), or null when inputs are tensors
 * @param samples    a text file with the inputs a run uses when none is given, or null
 */
public record ModelIo(
        @JsonProperty("kind") String kind,
        @JsonProperty("inputs") List<TensorDescriptor> inputs,
        @JsonProperty("sink_inputs") List<String> sinkInputs,
        @JsonProperty("sequence") int sequence,

        @JsonProperty("tokenizer") @JsonInclude(JsonInclude.Include.ALWAYS)
        ModelFile tokenizer,

        @JsonProperty("samples") @JsonInclude(JsonInclude.Include.ALWAYS)
        ModelFile samples) {

    public static final String ENCODER = "encoder";
    public static final String DECODER = "decoder";
    public static final String TENSOR = "tensor";

    public ModelIo {
        inputs = inputs == null ? null : List.copyOf(inputs);
        sinkInputs = sinkInputs == null ? null : List.copyOf(sinkInputs);
    }

    /** The input with this name. */
    public Optional<TensorDescriptor> input(String name) {
        return inputs.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * The side inputs the message of one transfer carries after its first frame, in the order of
     * {@link #inputs}: those read by a stage after the transfer, and those the sink needs.
     *
     * @param transfer 0 = into stage 1, k = the cut after stage k, K = the output to the sink
     */
    public List<TensorDescriptor> carried(List<BundleStage> stages, int transfer) {
        List<String> needed = new ArrayList<>(sinkInputs);
        for (int s = transfer; s < stages.size(); s++) {
            needed.addAll(stages.get(s).sideInputs().stream()
                    .map(TensorDescriptor::name)
                    .toList());
        }
        List<TensorDescriptor> carried = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            if (needed.contains(inputs.get(i).name())) {
                carried.add(inputs.get(i));
            }
        }
        return carried;
    }
}
