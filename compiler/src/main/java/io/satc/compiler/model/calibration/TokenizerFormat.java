package io.satc.compiler.model.calibration;

/** How a calibration text becomes model inputs, recognised from the tokenizer file's content. */
public enum TokenizerFormat {
  /** A HuggingFace `tokenizer.json` with a WordPiece model: ids, attention mask, token types. */
  WORDPIECE,
  /** A character table (`vocab.json` with `stoi`): input ids only, in windows of the length. */
  CHAR
}
