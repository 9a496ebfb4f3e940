package io.satc.compiler.orbit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real element sets from Debian's {@code gpredict} package (about 1,000 TLEs of January 2018), and
 * Vallado's SGP4 from Debian's {@code python3-sgp4}: extra oracles that tests use when installed
 * and skip, saying why, when not (.ci/run installs both).
 */
final class Gpredict {

    static final Path SATELLITES = Path.of("/usr/share/gpredict/data/satdata/satellites.dat");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** One element set: its catalogue number and lines. */
    record Entry(String catalog, String line1, String line2) {
        Satellite satellite() {
            return new Satellite("tle-" + catalog, new Orbit.Tle(line1, line2));
        }
    }

    private Gpredict() {}

    /** Every element set of gpredict's satellites.dat; skips the test when gpredict is not installed. */
    static List<Entry> entries() throws IOException {
        if (!Files.isRegularFile(SATELLITES)) {
            System.out.println("skipped: " + SATELLITES + " is missing (Debian package gpredict not installed)");
            Assumptions.abort("gpredict is not installed");
        }
        List<Entry> out = new ArrayList<>();
        String catalog = null;
        String line1 = null;
        for (String l : Files.readAllLines(SATELLITES, StandardCharsets.UTF_8)) {
            if (l.startsWith("[") && l.endsWith("]")) {
                catalog = l.substring(1, l.length() - 1);
            } else if (l.startsWith("TLE1=")) {
                line1 = l.substring(5);
            } else if (l.startsWith("TLE2=") && catalog != null && line1 != null) {
                out.add(new Entry(catalog, line1, l.substring(5)));
            }
        }
        return out;
    }

    /**
     * Runs a Python script with {@code input} on its standard input and returns its output lines;
     * skips the test when Debian's python3 with the sgp4 module is not there.
     */
    static List<String> python(String script, String input) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            System.out.println("skipped: " + PYTHON + " is missing");
            Assumptions.abort("no /usr/bin/python3");
        }
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import sgp4.api")
                .redirectErrorStream(true)
                .start();
        if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            System.out.println("skipped: python3 has no sgp4 module (Debian package python3-sgp4 not installed)");
            Assumptions.abort("python3-sgp4 is not installed");
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("python failed: " + err);
        }
        return out.lines().toList();
    }
}
