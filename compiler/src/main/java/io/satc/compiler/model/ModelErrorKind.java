package io.satc.compiler.model;

/** The kinds of problem that reading, splitting or profiling an ONNX model can report. */
public enum ModelErrorKind {
    /** The file could not be read at all (missing, unreadable, too large). */
    UNREADABLE,
    /** The bytes are not an ONNX model: not a protocol buffer, no IR version, no graph. */
    NOT_ONNX,
    /** The model uses a feature the splitter does not handle (external data, cycles). */
    UNSUPPORTED_MODEL,
    /** The caller's block pattern is not a valid regular expression with one capture group. */
    INVALID_BLOCK_PATTERN,
    /** No node name matches the block pattern. */
    NO_BLOCK_SCOPES,
    /** A block consumes a tensor produced by a later block, or block indices have gaps. */
    BLOCKS_NOT_CONTIGUOUS,
    /** An If, Loop or Scan node holds nodes of more than one unit and a requested cut splits it. */
    CONTROL_FLOW_CROSSES_CUT,
    /** More than one tensor (besides side inputs and constants) crosses a requested cut. */
    CUT_NOT_SINGLE_TENSOR,
    /** A requested cut position is out of range or repeated. */
    INVALID_CUT,
    /** ONNX Runtime could not load or run the model while inferring shapes. */
    RUNTIME_FAILURE
}
