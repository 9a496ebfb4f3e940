package io.satc.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.testing.ChromiumRenderer;
import io.satc.compiler.testing.RepoPaths;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.pipeline.PipelineRunner;
import io.satc.runtime.pipeline.RunOptions;
import io.satc.runtime.pipeline.RunResult;
import io.satc.runtime.report.MeasuredReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html as a person's browser shows it: compiled bundles, and the measured report of a run
 * (written beside the bundle, which a run never changes),
 * rendered in headless Chromium to a PNG with no console error, no uncaught exception, no
 * browser error, nothing fetched but the file itself, and every chart present as a drawn SVG.
 * Two pages of our own check that the detection works: a broken one must be caught, a clean one
 * with a console.log must pass.
 *
 * <p>Without {@code chromium} on the PATH the tests are skipped with the reason printed, unless
 * {@code satc.requireChromium} (system property, or {@code SATC_REQUIRE_CHROMIUM} in the
 * environment) is true, as .ci/run sets it: then they fail, so CI cannot go green without the
 * browser check.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReportBrowserTest {

    /** Per render: start, load, probe, screenshot and exit; a browser that takes longer is killed. */
    private static final Duration RENDER_LIMIT = Duration.ofSeconds(30);

    /** What the test reads from the rendered DOM. */
    private static final String PROBE = """
            (() => {
              const svgs = [...document.querySelectorAll('svg')];
              return {
                title: document.title,
                headings: [...document.querySelectorAll('h1, h2')].map(h => h.textContent.trim()),
                svgs: svgs.map(s => {
                  const box = s.getBoundingClientRect();
                  const view = s.viewBox.baseVal;
                  const outside = e => {
                    const b = e.getBBox();
                    return b.x < 0 || b.y < 0 || b.x + b.width > view.width || b.y + b.height > view.height;
                  };
                  return {
                    label: s.getAttribute('aria-label'),
                    width: box.width,
                    height: box.height,
                    // Counted inside the SVG: markup that ends it early leaves shapes outside.
                    shapes: s.querySelectorAll('rect, line, circle, text').length,
                    drawn: s.getBBox().width > 0 && s.getBBox().height > 0,
                    // Text drawn past the edge of the drawing is cut off on screen.
                    clipped: [...s.querySelectorAll('text')].filter(outside).map(t => t.textContent)
                  };
                }),
                references: [...document.querySelectorAll('[src], [href]')].map(e => e.getAttribute('src') || e.getAttribute('href'))
              };
            })()
            """;

    /** A shape element's start tag in the page's source. */
    private static final Pattern SHAPE_TAG = Pattern.compile("<(rect|line|circle|text)[\\s/>]");

    private static final List<String> COMPILED_SECTIONS =
            List.of("Constellation and route", "Latency against the baselines", "Communication against the baselines");

    private static ChromiumRenderer browser;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        var found = ChromiumRenderer.find();
        if (found.isPresent()) {
            browser = new ChromiumRenderer(found.get(), RENDER_LIMIT);
            return;
        }
        if (required()) {
            fail(
                    "satc.requireChromium is set but `chromium` is not on the PATH; .ci/run installs Debian's chromium package, "
                            + "so look at its output for why that failed.");
        }
        String reason = "Skipping the browser check of report.html: `chromium` is not on the PATH "
                + "(install Debian's chromium package, as .ci/run does, or set satc.requireChromium=true to make this a failure).";
        System.out.println(reason);
        Assumptions.abort(reason);
    }

    private static boolean required() {
        return Boolean.parseBoolean(System.getProperty("satc.requireChromium", "false"))
                || Boolean.parseBoolean(System.getenv().getOrDefault("SATC_REQUIRE_CHROMIUM", "false"));
    }

    @Test
    void compiledReportsRenderCleanly() throws Exception {
        for (String example : List.of("link-bound.sat", "vit-g-paper.sat")) {
            Path bundle = compile(example);
            Path report = bundle.resolve("report.html");
            ChromiumRenderer.Rendering r = render(report, example + "-compiled");
            assertClean(r);
            assertCharts(
                    r,
                    report,
                    List.of(
                            "Predicted Gantt chart",
                            "Constellation",
                            "Latency of the plan and the baselines",
                            "Communication of the plan and the baselines"));
            List<String> headings = headings(r);
            assertTrue(
                    headings.stream().anyMatch(h -> h.endsWith("micro-batches: predicted")), () -> headings.toString());
            assertTrue(headings.containsAll(COMPILED_SECTIONS), () -> headings.toString());
            assertTrue(headings.stream().noneMatch(h -> h.startsWith("Pipeline: measured")), () -> headings.toString());
        }
    }

    @Test
    void measuredReportRendersCleanly() throws Exception {
        Path dir = compile("link-bound.sat");
        Bundle bundle = ((BundleRead.Loaded) new BundleReader().read(dir)).bundle();
        RunResult run = new PipelineRunner()
                .run(bundle, RunOptions.emulate(1).withWarmUp(false).withTimeout(Duration.ofSeconds(30)));
        assertTrue(run instanceof RunResult.Completed, () -> "run failed: " + run);
        // A run writes its measured report outside the bundle (satc run --report FILE); the bundle is never changed.
        Path report = Files.writeString(
                dir.resolveSibling("link-bound-measured-report.html"),
                MeasuredReport.render(dir, bundle.manifest(), ((RunResult.Completed) run).report())
                        .orElseThrow(),
                StandardCharsets.UTF_8);
        ChromiumRenderer.Rendering r = render(report, "link-bound.sat-measured");
        assertClean(r);
        assertCharts(
                r,
                report,
                List.of(
                        "Predicted Gantt chart",
                        "Measured Gantt chart",
                        "Constellation",
                        "Latency of the plan and the baselines",
                        "Communication of the plan and the baselines"));
        List<String> headings = headings(r);
        assertTrue(headings.contains("Pipeline: measured (emulate)"), () -> headings.toString());
        assertTrue(
                !Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)
                        .contains("Pipeline: measured"),
                "the bundle's own report must stay as compiled");
        assertTrue(headings.containsAll(COMPILED_SECTIONS), () -> headings.toString());
    }

    /** The negative check: without it a detector that sees nothing would pass every report. */
    @Test
    void brokenPageIsCaught() throws Exception {
        ChromiumRenderer.Rendering r = renderPage("broken", """
                <script>console.error("deliberate console error");</script>
                <script>throw new Error("deliberate uncaught error");</script>
                <img src="https://example.com/pixel.png" alt="">
                <svg xmlns="http://www.w3.org/2000/svg" aria-label="broken chart" width="60" height="40" viewBox="0 0 60 40">
                <text x="-20" y="20">cut off</text><p>HTML inside ends the SVG</p><rect width="10" height="10"/></svg>
                """);
        assertTrue(
                r.problems().contains("console.error: deliberate console error"),
                () -> r.problems().toString());
        assertTrue(
                r.problems().stream()
                        .anyMatch(p -> p.startsWith("uncaught exception: Error: deliberate uncaught error")),
                () -> r.problems().toString());
        assertTrue(
                r.problems().stream()
                        .anyMatch(p -> p.startsWith("browser log error (network)")
                                && p.contains("https://example.com/pixel.png")),
                () -> r.problems().toString());
        assertTrue(
                r.requestedUrls().contains("https://example.com/pixel.png"),
                () -> r.requestedUrls().toString());
        assertTrue(external(r).contains("https://example.com/pixel.png"));
        List<String> charts = chartProblems(r, tmp.resolve("broken.html"));
        assertTrue(charts.contains("broken chart: text cut off at its edge: cut off"), charts::toString);
        assertTrue(charts.contains("1 of 2 shapes in the source are inside an SVG (broken markup)"), charts::toString);
    }

    /** The other side of the negative check: a console.log and an inline SVG are not errors. */
    @Test
    void cleanPageWithConsoleLogPasses() throws Exception {
        ChromiumRenderer.Rendering r = renderPage("clean", """
                <script>console.log("just information");</script>
                <svg xmlns="http://www.w3.org/2000/svg" aria-label="square" width="40" height="40"><rect width="40" height="40" fill="#c33"/></svg>
                """);
        assertClean(r);
        assertCharts(r, tmp.resolve("clean.html"), List.of("square"));
    }

    private Path compile(String example) throws IOException {
        Path mission = RepoPaths.examples().resolve(example);
        AnalysisResult analysis = CheckCommand.check(mission, example).analysis();
        AnalyzedMission m = analysis.mission().orElseThrow();
        MissionPlanning.Planned planned = (MissionPlanning.Planned) MissionPlanning.plan(m);
        Path dir = tmp.resolve(example + "-bundle");
        BundleCompiler.Result result = BundleCompiler.compile(
                analysis.parse().source(), m, planned, dir, "test", io.satc.compiler.testing.TestSigning.signing());
        assertTrue(result instanceof BundleCompiler.Written, () -> "not written: " + result);
        return dir;
    }

    /** A page of our own, {@code NAME.html}, with {@code body} inside a minimal valid document. */
    private ChromiumRenderer.Rendering renderPage(String name, String body) throws IOException, InterruptedException {
        Path page = tmp.resolve(name + ".html");
        Files.writeString(
                page,
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + name
                        + "</title></head><body>\n" + body + "</body></html>\n",
                StandardCharsets.UTF_8);
        return render(page, name);
    }

    private ChromiumRenderer.Rendering render(Path page, String name) throws IOException, InterruptedException {
        Path png = tmp.resolve(name + ".png");
        ChromiumRenderer.Rendering r = browser.render(page, PROBE, png, tmp);
        assertEquals(0, r.exitCode(), "Chromium's exit code");
        int colours = assertPng(png);
        keep(png);
        if (page.getFileName().toString().endsWith("report.html")) {
            // Text, grey rules and one colour per micro-batch: a report shows many colours, a failed render one or two.
            assertTrue(colours >= 8, () -> "the screenshot of " + page + " shows only " + colours + " colours");
        }
        return r;
    }

    /** With {@code -Dsatc.screenshots=DIR} the screenshots are kept there, for a person to look at. */
    private static void keep(Path png) throws IOException {
        String dir = System.getProperty("satc.screenshots", "");
        if (!dir.isBlank()) {
            Files.createDirectories(Path.of(dir));
            Files.copy(png, Path.of(dir).resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** No console error, exception or browser error, and nothing fetched or referenced beyond the page itself. */
    private static void assertClean(ChromiumRenderer.Rendering r) {
        assertEquals(List.of(), r.problems(), "console or browser errors");
        assertEquals(List.of(), external(r), "the page must be self-contained");
    }

    /** Requests for anything but local files and inline data, and references to such. */
    private static List<String> external(ChromiumRenderer.Rendering r) {
        List<String> out = new ArrayList<>();
        r.requestedUrls().stream()
                .filter(u -> !u.startsWith("file:") && !u.startsWith("data:"))
                .forEach(out::add);
        r.probe().path("references").forEach(ref -> {
            String u = ref.asText();
            if (u.startsWith("//") || u.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !u.startsWith("data:")) {
                out.add(u);
            }
        });
        return out;
    }

    /** The charts, by label and in order, each drawn whole: see {@link #chartProblems}. */
    private static void assertCharts(ChromiumRenderer.Rendering r, Path page, List<String> labels) throws IOException {
        List<String> seen = new ArrayList<>();
        r.probe().path("svgs").forEach(s -> seen.add(s.path("label").asText()));
        assertEquals(labels, seen, "the SVG charts in the rendered DOM, in order");
        assertEquals(List.of(), chartProblems(r, page), "the charts as drawn");
    }

    /**
     * What is wrong with the page's SVGs as drawn: one without a laid-out size or without anything
     * drawn, text past a drawing's edge, and shapes of the source that did not end up inside an
     * SVG (the HTML parser closes an SVG early at markup it cannot hold).
     */
    private static List<String> chartProblems(ChromiumRenderer.Rendering r, Path page) throws IOException {
        List<String> out = new ArrayList<>();
        int inside = 0;
        for (JsonNode s : r.probe().path("svgs")) {
            String label = s.path("label").asText();
            if (!(s.path("width").asDouble() > 0 && s.path("height").asDouble() > 0)) {
                out.add(label + ": no size on the page");
            }
            if (!s.path("drawn").asBoolean()) {
                out.add(label + ": draws nothing");
            }
            s.path("clipped").forEach(t -> out.add(label + ": text cut off at its edge: " + t.asText()));
            inside += s.path("shapes").asInt();
        }
        long written = SHAPE_TAG
                .matcher(Files.readString(page, StandardCharsets.UTF_8))
                .results()
                .count();
        if (inside != written) {
            out.add(inside + " of " + written + " shapes in the source are inside an SVG (broken markup)");
        }
        return out;
    }

    private static List<String> headings(ChromiumRenderer.Rendering r) {
        List<String> out = new ArrayList<>();
        r.probe().path("headings").forEach(h -> out.add(h.asText()));
        return out;
    }

    /** A PNG by its signature and header, of the viewport's size, that decodes; returns how many colours it shows. */
    private static int assertPng(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), () -> "no screenshot at " + png);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000, () -> "screenshot of only " + bytes.length + " bytes");
        assertArrayEquals(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                Arrays.copyOf(bytes, 8),
                "PNG signature");
        ByteBuffer header = ByteBuffer.wrap(bytes, 8, 25);
        assertEquals(13, header.getInt(), "IHDR length");
        byte[] type = new byte[4];
        header.get(type);
        assertEquals("IHDR", new String(type, StandardCharsets.US_ASCII));
        assertEquals(ChromiumRenderer.WIDTH, header.getInt(), "PNG width");
        assertEquals(ChromiumRenderer.HEIGHT, header.getInt(), "PNG height");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(image != null, "the PNG does not decode");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
