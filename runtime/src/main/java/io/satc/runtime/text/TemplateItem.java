package io.satc.runtime.text;

/**
 * One slot of a post-processing template: a fixed special token or the tokenized sequence,
 * each with the token type id its positions get.
 */
public sealed interface TemplateItem {

    /** The token type id of the positions this item fills. */
    int typeId();

    /**
     * A special token such as {@code [CLS]}.
     *
     * @param token  the token's content
     * @param id     the token's id
     * @param typeId the token type id of its position
     */
    record Special(String token, int id, int typeId) implements TemplateItem {}

    /**
     * The sequence's own tokens.
     *
     * @param typeId the token type id of each of its positions
     */
    record Sequence(int typeId) implements TemplateItem {}
}
