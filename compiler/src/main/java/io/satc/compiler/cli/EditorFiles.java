package io.satc.compiler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files {@code satc init-editor} writes, as text: VS Code's tasks (with a problem matcher
 * for {@code satc check}) and settings, and Eclipse's external-tool launch configurations and
 * error-parser pattern. Editors read satc's first diagnostic line,
 * {@code path:line:col: error[SATCnnnn]: message}; {@link #DIAGNOSTIC_LINE} is the one regular
 * expression both use (it means the same in JavaScript and in {@code java.util.regex}).
 */
public final class EditorFiles {

    /**
     * Groups: 1 file, 2 line, 3 column (1-based, in characters), 4 severity ({@code error} or
     * {@code warning}), 5 code, 6 message. The file is matched lazily so that a message quoting
     * {@code a:1:2:} cannot move the split; a Windows drive letter ({@code C:\m.sat}) still fits.
     */
    public static final String DIAGNOSTIC_LINE = "^(.+?):(\\d+):(\\d+): (error|warning)\\[(SATC\\d{4})\\]: (.*)$";

    /**
     * The built-in VS Code language {@code *.sat} files are shown as: Ruby's grammar colours
     * {@code #} comments, strings, numbers and braces, and no widespread extension lints Ruby
     * files on sight (Python's would report every mission as broken Python).
     */
    public static final String VSCODE_LANGUAGE = "ruby";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EditorFiles() {}

    /** Every file, by path relative to the project folder, in the order they are written. */
    public static Map<String, String> all(String satc) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".vscode/tasks.json", vscodeTasks(satc));
        files.put(".vscode/settings.json", vscodeSettings());
        files.put(".eclipse/satc-check.launch", eclipseLaunch(satc, "check --color=never \"${resource_loc}\""));
        files.put(".eclipse/satc-fmt.launch", eclipseLaunch(satc, "fmt --color=never \"${resource_loc}\""));
        files.put(".eclipse/satc-error-parser.txt", eclipseErrorParser());
        return files;
    }

    static String vscodeTasks(String satc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "2.0.0");
        ArrayNode tasks = root.putArray("tasks");
        ObjectNode check = task(tasks, "satc: check", "process", satc, List.of("check", "--color=never", "${file}"));
        ObjectNode group = check.putObject("group");
        group.put("kind", "build");
        group.put("isDefault", true);
        check.set("problemMatcher", problemMatcher());
        ObjectNode all = task(
                tasks,
                "satc: check all missions",
                "shell",
                "find . -name '*.sat' -not -path '*/.git/*' -not -path '*/target/*' -exec " + shellQuote(satc)
                        + " check --color=never {} +",
                List.of());
        all.set("problemMatcher", problemMatcher());
        ObjectNode fmt = task(tasks, "satc: fmt", "process", satc, List.of("fmt", "--color=never", "${file}"));
        fmt.set("problemMatcher", problemMatcher());
        return write(root);
    }

    private static ObjectNode task(ArrayNode tasks, String label, String type, String command, List<String> args) {
        ObjectNode t = tasks.addObject();
        t.put("label", label);
        t.put("type", type);
        t.put("command", command);
        if (!args.isEmpty()) {
            ArrayNode a = t.putArray("args");
            args.forEach(a::add);
        }
        t.putObject("options").put("cwd", "${workspaceFolder}");
        ObjectNode presentation = t.putObject("presentation");
        presentation.put("reveal", "silent");
        presentation.put("clear", true);
        return t;
    }

    /** VS Code's problem matcher: one line per problem, groups as {@link #DIAGNOSTIC_LINE} numbers them. */
    static ObjectNode problemMatcher() {
        ObjectNode m = JSON.createObjectNode();
        m.put("owner", "satc");
        m.put("source", "satc");
        m.putArray("fileLocation").add("autoDetect").add("${workspaceFolder}");
        ObjectNode p = m.putObject("pattern");
        p.put("regexp", DIAGNOSTIC_LINE);
        p.put("file", 1);
        p.put("line", 2);
        p.put("column", 3);
        p.put("severity", 4);
        p.put("code", 5);
        p.put("message", 6);
        return m;
    }

    static String vscodeSettings() {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("files.associations").put("*.sat", VSCODE_LANGUAGE);
        return write(root);
    }

    /**
     * An Eclipse external-tool launch configuration; Eclipse lists a shared {@code .launch} file
     * found in a project. Its location must be a path, so a bare command name is looked up on the
     * {@code PATH} by Eclipse's {@code ${system_path:NAME}} variable.
     */
    static String eclipseLaunch(String satc, String arguments) {
        String location = satc.contains("/") || satc.contains("\\") ? satc : "${system_path:" + satc + "}";
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <launchConfiguration type="org.eclipse.ui.externalTools.ProgramLaunchConfigurationType">
                    <booleanAttribute key="org.eclipse.debug.core.capture_output" value="true"/>
                    <booleanAttribute key="org.eclipse.debug.ui.ATTR_CONSOLE_OUTPUT_ON" value="true"/>
                    <booleanAttribute key="org.eclipse.debug.ui.ATTR_LAUNCH_IN_BACKGROUND" value="true"/>
                    <stringAttribute key="org.eclipse.ui.externalTools.ATTR_LOCATION" value="%s"/>
                    <stringAttribute key="org.eclipse.ui.externalTools.ATTR_TOOL_ARGUMENTS" value="%s"/>
                    <stringAttribute key="org.eclipse.ui.externalTools.ATTR_WORKING_DIRECTORY" value="${project_loc}"/>
                </launchConfiguration>
                """.formatted(xml(location), xml(arguments));
    }

    /**
     * The two rows to enter in Eclipse CDT's regular-expression error parser (Window >
     * Preferences > C/C++ > Build > Settings > Error Parsers > Add...), tab-separated as its
     * dialog's columns: severity, pattern, file, line, description.
     */
    static String eclipseErrorParser() {
        String error = DIAGNOSTIC_LINE.replace("(error|warning)", "(error)");
        String warning = DIAGNOSTIC_LINE.replace("(error|warning)", "(warning)");
        return "# satc diagnostics for Eclipse CDT's regular-expression error parser (see docs/editors.md).\n"
                + "# severity\tpattern\tfile\tline\tdescription\n"
                + "Error\t" + error + "\t$1\t$2\t$5: $6\n"
                + "Warning\t" + warning + "\t$1\t$2\t$5: $6\n";
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
