package io.satc.compiler.syntax.format;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Writes random valid missions: satellites, grounds, links both ways, codecs, models with
 * {@code vit(...)} or {@code gpt(...)}, workload and accuracy blocks, constellations with
 * {@code walker(...)} or {@code tle("...")} orbits and {@code grid(...)} or {@code range(...)}
 * ISLs, satellite {@code elements(...)} orbits, horizons, nested calls and lists,
 * bare and quoted names, with random comments in every legal position, random {@code ;} or
 * newline separators, blank lines, tabs and CRLF line ends.
 *
 * <p>Legal comment positions follow from the grammar: a block comment may stand between any two
 * tokens; a line comment only where a newline may follow, which is at the end of a statement
 * line, after {@code {}, before {@code }}, around the mission, and anywhere inside {@code (...)}
 * or {@code [...]}, where newlines are ignored.
 */
final class MissionGenerator {

    private static final List<String> LINE_COMMENTS =
            List.of("# note", "// why", "#", "//", "# } ; { not code", "#x", "//// four", "# ünïcödé");
    private static final List<String> BLOCK_COMMENTS = List.of(
            "/* c */",
            "/**/",
            "/* trailing blanks  \n */",
            "/* ** */",
            "/* a\n   b */",
            "/* } ; { */",
            "/*\n * star\n */",
            "/* // inner */");
    private static final List<String> BARE =
            List.of("leo-1", "leo_2", "relay-9", "beijing", "s", "A1", "model", "link", "x-y-z_");
    private static final List<String> QUOTED = List.of(
            "\"leo-1\"",
            "\"ground station 1\"",
            "\"q\\\"uote\"",
            "\"\"",
            "\"tab\\tin\"",
            "\"ünï\"",
            "\"a-rather-long-quoted-name-for-a-ground-station-somewhere-north-of-the-arctic-circle\"");
    private static final List<String> UNITS = List.of(
            "GB", "MB", "KiB", "B", "Gbps", "Mbps", "TFLOPS", "FLOP", "ms", "s", "min", "h", "m", "km", "W", "deg",
            "rad", "%", "x", "B/s", "MB/s");
    private static final List<String> NUMBERS = List.of(
            "64",
            "0.5",
            "1e9",
            "1_000",
            "-3",
            "5.3",
            "150",
            "0",
            "2.5E-3",
            "1_048_576",
            "007",
            "12345678901234567890.123456789");
    private static final List<String> INDENTS = List.of("", "  ", "    ", "\t", " \t ", "        ");

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    /** Depth of {@code (} and {@code [}: inside them newlines and line comments may go between any tokens. */
    private int brackets;

    private boolean lastWasWord;

    private MissionGenerator(Random random) {
        this.random = random;
    }

    static Arbitrary<String> missions() {
        return Arbitraries.randomValue(MissionGenerator::generate);
    }

    static String generate(Random random) {
        MissionGenerator g = new MissionGenerator(random);
        g.mission();
        String text = g.out.toString();
        return random.nextInt(6) == 0 ? text.replace("\n", "\r\n") : text;
    }

    // ------------------------------------------------------------------ structure

    private void mission() {
        for (int i = random.nextInt(4); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0 -> raw(pick(LINE_COMMENTS) + "\n");
                case 1 -> raw(pick(BLOCK_COMMENTS) + (random.nextBoolean() ? "\n" : " "));
                default -> raw("\n");
            }
        }
        word("mission");
        name();
        block(random.nextInt(12), this::topStatement);
        switch (random.nextInt(4)) {
            case 0 -> raw(" " + pick(LINE_COMMENTS));
            case 1 -> raw(" " + pick(BLOCK_COMMENTS));
            default -> {}
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            raw(random.nextBoolean() ? "\n" : "\n" + pick(random.nextBoolean() ? LINE_COMMENTS : BLOCK_COMMENTS));
        }
        if (random.nextInt(4) > 0) {
            raw("\n");
        }
    }

    private void block(int statements, Runnable statement) {
        punct("{");
        raw(pick(List.of(
                "",
                " ",
                "\n",
                ";",
                "\n\n",
                " " + pick(LINE_COMMENTS) + "\n",
                " " + pick(BLOCK_COMMENTS) + " ",
                "\n" + pick(LINE_COMMENTS) + "\n")));
        for (int i = 0; i < statements; i++) {
            if (i > 0) {
                separator();
            }
            if (random.nextInt(6) == 0) {
                newline();
                raw(pick(random.nextBoolean() ? LINE_COMMENTS : BLOCK_COMMENTS));
                newline();
            }
            if (out.charAt(out.length() - 1) == '\n') {
                raw(pick(INDENTS));
            }
            statement.run();
        }
        raw(pick(List.of(
                "",
                " ",
                "\n",
                ";",
                ";\n",
                "\n\n",
                " " + pick(LINE_COMMENTS) + "\n",
                "\n  " + pick(BLOCK_COMMENTS) + " ")));
        punct("}");
    }

    private void separator() {
        switch (random.nextInt(10)) {
            case 0 -> raw(";");
            case 1 -> raw("; ");
            case 2 -> raw(" ;;");
            case 3 -> raw(";\n");
            case 4 -> raw("\n\n");
            case 5 -> raw("\n\n\n");
            case 6 -> raw("  " + pick(LINE_COMMENTS) + "\n");
            case 7 -> raw(" " + pick(BLOCK_COMMENTS) + ";");
            case 8 -> raw("\n;\n");
            default -> raw("\n");
        }
    }

    private void topStatement() {
        switch (random.nextInt(14)) {
            case 0 -> assignment(pick(List.of("compute", "memory", "rate", "batch", "input", "max_loss", "model")));
            case 1 -> node(pick(List.of("satellite", "ground")), true, List.of("compute", "memory", "power"));
            case 2 -> node("codec", true, List.of("ratio", "loss"));
            case 3 -> otherBlock(1);
            case 4, 5 -> link();
            case 6 -> model();
            case 7 -> node("workload", false, List.of("batch", "micro_batches", "input"));
            case 8 -> node("accuracy", false, List.of("max_loss"));
            case 9 -> {
                word("codecs");
                punct("=");
                list(this::codec, 0);
            }
            case 11 -> constellation();
            case 12 -> horizon();
            default -> assignment(pick(List.of("source", "sink", "objective", "precision", "onnx")));
        }
    }

    /** Mission language 2: a constellation, its orbits and ISLs, and a satellite with its own orbit. */
    private void constellation() {
        if (random.nextInt(3) == 0) {
            word("satellite");
            name();
            block(1 + random.nextInt(2), () -> {
                if (random.nextBoolean()) {
                    word("orbit");
                    punct("=");
                    call("elements", List.of("altitude", "inclination", "raan", "anomaly"));
                } else {
                    assignment(pick(List.of("compute", "memory")));
                }
            });
            return;
        }
        word("constellation");
        name();
        block(random.nextInt(5), () -> {
            switch (random.nextInt(4)) {
                case 0 -> {
                    word("orbits");
                    punct("=");
                    if (random.nextBoolean()) {
                        call("walker", List.of("planes", "per_plane", "phasing", "altitude", "inclination"));
                    } else {
                        word("tle");
                        gap(false);
                        atom("(", false);
                        brackets++;
                        word(pick(QUOTED));
                        brackets--;
                        punct(")");
                    }
                }
                case 1 -> {
                    word("isl");
                    punct("=");
                    call(pick(List.of("grid", "range")), List.of("rate", "max_range"));
                }
                default -> assignment(pick(List.of("compute", "memory")));
            }
        });
    }

    private void horizon() {
        word("horizon");
        block(random.nextInt(4), () -> {
            switch (random.nextInt(3)) {
                case 0 -> {
                    word("start");
                    punct("=");
                    word(pick(List.of("\"2026-12-04T00:00:00Z\"", "\"2018-01-21T06:30Z\"", "\"2026-12-04\"")));
                }
                case 1 -> assignment("duration");
                default -> {
                    word("propagation");
                    punct("=");
                    word(pick(List.of("j2", "two-body", "\"j2\"")));
                }
            }
        });
    }

    private void node(String kind, boolean named, List<String> keys) {
        word(kind);
        if (named) {
            name();
        }
        block(random.nextInt(4), () -> assignment(pick(keys)));
    }

    /** A block the analyser does not know, nested a few levels. */
    private void otherBlock(int depth) {
        word(pick(List.of("extra", "orbit", "thermal")));
        if (random.nextBoolean()) {
            name();
        }
        block(random.nextInt(4), () -> {
            if (depth < 3 && random.nextInt(3) == 0) {
                otherBlock(depth + 1);
            } else {
                assignment(pick(List.of("a", "b", "link", "model")));
            }
        });
    }

    private void link() {
        word("link");
        name();
        word(random.nextBoolean() ? "<->" : "->");
        name();
        if (random.nextBoolean()) {
            block(random.nextInt(3), () -> assignment(pick(List.of("rate", "latency", "distance"))));
        }
    }

    private void model() {
        word("model");
        if (random.nextBoolean()) {
            name();
        }
        punct("{");
        raw(random.nextBoolean() ? "\n  " : " ");
        word("arch");
        punct("=");
        if (random.nextBoolean()) {
            call("vit", List.of("layers", "hidden", "mlp", "heads", "patch", "image", "classes"));
        } else {
            call("gpt", List.of("layers", "hidden", "heads", "vocab", "context"));
        }
        raw(random.nextBoolean() ? "\n" : "; ");
        word("precision");
        punct("=");
        word(pick(List.of("fp16", "fp32", "bf16")));
        raw(random.nextBoolean() ? "\n" : " ");
        punct("}");
    }

    private void assignment(String key) {
        word(key);
        punct("=");
        value(0);
    }

    // ------------------------------------------------------------------ values

    private void value(int depth) {
        switch (random.nextInt(depth < 2 ? 7 : 4)) {
            case 0, 1 -> number();
            case 2 -> word(pick(QUOTED));
            case 3 -> word(pick(List.of("fp16", "int8", "latency", "leo-1", "none", "model")));
            case 4 -> call(pick(List.of("f", "topk", "vit", "gpt")), List.of("a", "b", "layers", "hidden", "link"));
            case 5 -> list(() -> value(depth + 1), depth + 1);
            default -> codec();
        }
    }

    private void number() {
        word(pick(NUMBERS));
        if (random.nextInt(3) > 0) {
            String unit = pick(UNITS);
            String[] parts = unit.split("/");
            gap(false);
            atom(parts[0], true);
            if (parts.length == 2) {
                gap(false);
                atom("/", false);
                gap(false);
                atom(parts[1], true);
            }
        }
    }

    private void codec() {
        if (random.nextInt(3) == 0) {
            word("topk");
            gap(false);
            atom("(", false);
            brackets++;
            word(pick(List.of("5", "10", "0.5")));
            gap(false);
            atom("%", false);
            if (random.nextBoolean()) {
                punct(",");
            }
            brackets--;
            punct(")");
        } else {
            word(pick(List.of("fp16", "int8", "int4", "none", "mask8", "\"jpeg-90\"")));
        }
    }

    private void call(String callee, List<String> keys) {
        word(callee);
        gap(false);
        atom("(", false);
        brackets++;
        int n = random.nextInt(random.nextBoolean() ? 4 : 14);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                punct(",");
            }
            if (random.nextInt(4) > 0) {
                word(pick(keys));
                punct("=");
            }
            value(1);
        }
        if (n > 0 && random.nextBoolean()) {
            punct(",");
        }
        brackets--;
        punct(")");
    }

    private void list(Runnable element, int depth) {
        punct("[");
        brackets++;
        int n = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                punct(",");
            }
            element.run();
        }
        if (n > 0 && random.nextBoolean()) {
            punct(",");
        }
        brackets--;
        punct("]");
    }

    private void name() {
        word(random.nextInt(3) == 0 ? pick(QUOTED) : pick(BARE));
    }

    // ------------------------------------------------------------------ tokens and trivia

    /** A name, number, keyword, string or arrow: always apart from the previous word. */
    private void word(String token) {
        gap(lastWasWord);
        atom(token, true);
    }

    private void punct(String token) {
        gap(false);
        atom(token, false);
    }

    private void atom(String token, boolean isWord) {
        out.append(token);
        lastWasWord = isWord;
    }

    /** White space and comments between two tokens of one statement. */
    private void gap(boolean spaceNeeded) {
        int k = random.nextInt(14);
        if (k < 6) {
            raw(spaceNeeded ? " " : "");
        } else if (k < 8) {
            raw(pick(List.of(" ", "  ", "\t")));
        } else if (k == 8) {
            raw(" " + pick(BLOCK_COMMENTS) + " ");
        } else if (k == 9 && brackets > 0) {
            newline();
        } else if (k == 10 && brackets > 0) {
            raw(" " + pick(LINE_COMMENTS));
            newline();
        } else {
            raw(spaceNeeded ? " " : "");
        }
    }

    private void newline() {
        raw("\n" + pick(INDENTS));
    }

    private void raw(String text) {
        out.append(text);
        if (!text.isEmpty()) {
            lastWasWord = false;
        }
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
