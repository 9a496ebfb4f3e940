package io.satc.runtime.text;

import java.util.List;

/**
 * The single-sequence template that wraps tokenized text in special tokens, {@code [CLS] $A [SEP]}
 * for BERT ({@code TemplateProcessing} in a tokenizer.json).
 *
 * @param single the template's items in order; exactly one is a {@link TemplateItem.Sequence}
 */
public record PostProcessor(List<TemplateItem> single) {

    public PostProcessor {
        single = List.copyOf(single);
        long sequences = single.stream()
                .filter(item -> item instanceof TemplateItem.Sequence)
                .count();
        if (sequences != 1) {
            throw new IllegalArgumentException("the single template has " + sequences + " sequence slots, not 1");
        }
    }

    /** The number of special tokens the template adds. */
    public int specialTokenCount() {
        return single.size() - 1;
    }
}
