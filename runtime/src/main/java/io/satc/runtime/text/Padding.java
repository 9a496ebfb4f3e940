package io.satc.runtime.text;

/**
 * What fills the positions after the last real token of a fixed-length encoding.
 *
 * @param token  the padding token's content, {@code [PAD]} for BERT
 * @param id     its input id
 * @param typeId its token type id
 */
public record Padding(String token, int id, int typeId) {}
