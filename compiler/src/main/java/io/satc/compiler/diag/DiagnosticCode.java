package io.satc.compiler.diag;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of every diagnostic satc reports, with its stable code.
 *
 * <p>Codes are grouped by phase: {@code 0xxx} reading the file, {@code 1xxx} syntax,
 * {@code 2xxx} declarations and names, {@code 3xxx} values and units, {@code 4xxx} files the
 * mission refers to, {@code 5xxx} topology, {@code 6xxx} lowering (what propagating the orbits
 * finds). A code is never reused for another meaning; each
 * has a page {@code docs/diagnostics/SATCnnnn.md}.
 */
public enum DiagnosticCode {
    CANNOT_READ_FILE(1, Severity.ERROR, "Cannot read file"),
    INVALID_UTF8(2, Severity.ERROR, "File is not valid UTF-8"),

    UNEXPECTED_TOKEN(1001, Severity.ERROR, "Unexpected token"),
    UNTERMINATED_STRING(1002, Severity.ERROR, "Unterminated string"),
    UNTERMINATED_COMMENT(1003, Severity.ERROR, "Unterminated block comment"),
    INVALID_CHARACTER(1004, Severity.ERROR, "Invalid character"),
    NESTING_TOO_DEEP(1005, Severity.ERROR, "Nesting too deep"),
    UNCLOSED_DELIMITER(1006, Severity.ERROR, "Unclosed delimiter"),
    UNMATCHED_DELIMITER(1007, Severity.ERROR, "Unmatched closing delimiter"),

    DUPLICATE_NAME(2001, Severity.ERROR, "Duplicate name"),
    UNKNOWN_NODE(2002, Severity.ERROR, "Unknown satellite or ground station"),
    UNKNOWN_CODEC(2003, Severity.ERROR, "Unknown codec"),
    UNKNOWN_ARCHITECTURE(2004, Severity.ERROR, "Unknown architecture"),
    UNKNOWN_ATTRIBUTE(2005, Severity.ERROR, "Unknown attribute"),
    DUPLICATE_ATTRIBUTE(2006, Severity.ERROR, "Attribute given twice"),
    MISSING_ATTRIBUTE(2007, Severity.ERROR, "Missing required attribute"),
    UNKNOWN_DECLARATION(2008, Severity.ERROR, "Unknown or misplaced declaration"),
    MODEL_COUNT(2009, Severity.ERROR, "A mission needs exactly one model"),
    MISSING_ENDPOINT(2010, Severity.ERROR, "Missing source or sink"),
    DUPLICATE_BLOCK(2011, Severity.ERROR, "Block given twice"),
    SOURCE_NOT_SATELLITE(2012, Severity.ERROR, "Source is not a satellite"),
    SINK_NOT_GROUND(2013, Severity.ERROR, "Sink is not a ground station"),
    SELF_LINK(2014, Severity.ERROR, "Link to itself"),
    UNKNOWN_ARCH_PARAMETER(2015, Severity.ERROR, "Unknown architecture parameter"),
    MISSING_ARCH_PARAMETER(2016, Severity.ERROR, "Missing architecture parameter"),
    MODEL_SOURCE_CONFLICT(2017, Severity.ERROR, "Model needs exactly one of arch, onnx, profile"),
    DUPLICATE_LINK(2018, Severity.ERROR, "Link declared twice"),
    CONFLICTING_ATTRIBUTES(2019, Severity.ERROR, "Attributes that exclude each other"),
    UNKNOWN_OPTION(2020, Severity.ERROR, "Unknown option"),
    DUPLICATE_ARCH_PARAMETER(2021, Severity.ERROR, "Architecture parameter given twice"),
    MISSING_NAME(2022, Severity.ERROR, "Declaration needs a name"),
    UNEXPECTED_NAME(2023, Severity.ERROR, "Declaration takes no name"),
    MISSING_HORIZON(2024, Severity.ERROR, "Constellation without a horizon"),
    ORBIT_WITHOUT_HORIZON(2025, Severity.WARNING, "Orbit attribute without a horizon"),
    UNKNOWN_PARAMETER(2026, Severity.ERROR, "Unknown parameter"),
    MISSING_PARAMETER(2027, Severity.ERROR, "Missing parameter"),
    DUPLICATE_PARAMETER(2028, Severity.ERROR, "Parameter given twice"),
    GRID_NEEDS_WALKER(2029, Severity.ERROR, "Grid links need a Walker constellation"),
    ORBIT_LINK_DELAY(2030, Severity.ERROR, "Fixed delay on a link between orbiting satellites"),

    MISSING_UNIT(3001, Severity.ERROR, "Missing unit"),
    UNKNOWN_UNIT(3002, Severity.ERROR, "Unknown unit"),
    WRONG_DIMENSION(3003, Severity.ERROR, "Wrong dimension"),
    NOT_POSITIVE(3004, Severity.ERROR, "Value must be positive"),
    LOSS_OUT_OF_RANGE(3005, Severity.ERROR, "Loss outside [0, 100 %]"),
    BATCH_NOT_DIVISIBLE(3006, Severity.ERROR, "Batch not divisible by micro-batches"),
    EXPECTED_INTEGER(3007, Severity.ERROR, "Expected an integer"),
    NUMBER_OUT_OF_RANGE(3008, Severity.ERROR, "Number out of range"),
    WRONG_VALUE_KIND(3009, Severity.ERROR, "Wrong kind of value"),
    RATIO_BELOW_ONE(3010, Severity.ERROR, "Compression ratio below 1x"),
    TOPK_OUT_OF_RANGE(3011, Severity.ERROR, "topk fraction outside (0, 100 %]"),
    PHASING_OUT_OF_RANGE(3012, Severity.ERROR, "Walker phasing outside 0 .. planes-1"),
    BAD_TIMESTAMP(3013, Severity.ERROR, "Not a UTC ISO-8601 instant"),
    HORIZON_TOO_LONG(3014, Severity.ERROR, "Horizon longer than 7 days"),
    COORDINATE_OUT_OF_RANGE(3015, Severity.ERROR, "Station coordinate out of range"),
    ORBIT_OUT_OF_RANGE(3016, Severity.ERROR, "Orbit element out of range"),
    CONSTELLATION_TOO_LARGE(3017, Severity.ERROR, "Constellation too large"),

    FILE_NOT_FOUND(4001, Severity.ERROR, "Referenced file not found"),
    PROFILE_BAD_HEADER(4002, Severity.ERROR, "Profile CSV has a bad header"),
    PROFILE_BAD_ROW(4003, Severity.ERROR, "Profile CSV has a bad row"),
    PROFILE_NEEDS_INPUT(4004, Severity.ERROR, "Profile model needs `workload.input`"),
    PROFILE_EMPTY(4005, Severity.ERROR, "Profile CSV has no units"),
    TLE_BAD_LINE(4006, Severity.ERROR, "TLE file has a malformed line"),
    TLE_CHECKSUM(4007, Severity.ERROR, "TLE line fails its checksum"),
    TLE_EMPTY(4008, Severity.ERROR, "TLE file has no element sets"),
    TLE_DUPLICATE_SATELLITE(4009, Severity.ERROR, "TLE file repeats a satellite"),
    TLE_EPOCH_FAR(4010, Severity.WARNING, "TLE epochs far from the horizon"),

    NO_ROUTE(5001, Severity.ERROR, "No route from source to sink"),
    UNREACHABLE_SATELLITE(5002, Severity.WARNING, "Satellite no route reaches"),

    SGP4_FAILED(6001, Severity.WARNING, "TLE satellite that SGP4 cannot propagate over the horizon");

    private final String id;
    private final Severity severity;
    private final String title;

    DiagnosticCode(int number, Severity severity, String title) {
        this.id = "SATC" + (number < 1000 ? "0" : "") + (number < 100 ? "0" : "") + (number < 10 ? "0" : "") + number;
        this.severity = severity;
        this.title = title;
    }

    /** The stable identifier, e.g. {@code SATC3003}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public static Optional<DiagnosticCode> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
