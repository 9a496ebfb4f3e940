package io.satc.compiler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.codegen.Quantities;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.inference.InferenceRunner;
import io.satc.runtime.inference.ModelOutputs;
import io.satc.runtime.pipeline.NodeRunner;
import io.satc.runtime.pipeline.RunReport;
import io.satc.runtime.transport.Peer;
import io.satc.runtime.transport.TransportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc node DIR --node NAME [--listen HOST:PORT] [--peers FILE]}: one stage as its own process. */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Run one stage of a bundle as its own process; activations stream to the next stage's process over gRPC.",
            "Start one process per stage (bin/node-NODE.sh). The first stage reads the input and tells the others the "
                    + "samples and steps ahead of the stream; the last writes the outputs.",
            "Verifies and loads only what this node runs: its own part (the other stages' may be absent), the tokenizer "
                    + "and samples where it reads them.",
            "Exit 0 when every micro-batch went through, 1 for a bad bundle, input or peers file, 4 when the run failed "
                    + "(a lost peer, a port in use)."
        })
public final class NodeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The bundle folder written by `satc compile`.")
    Path bundle;

    @Option(
            names = "--node",
            required = true,
            paramLabel = "NAME",
            description = "The satellite whose stage this process runs.")
    String node;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            description = "Where to listen for the previous stage (default: this node's line " + "in the peers file).")
    String listen;

    @Option(
            names = "--peers",
            paramLabel = "FILE",
            description = "Lines `NODE HOST:PORT` giving every stage's address (default: " + "DIR/bin/peers.txt).")
    Path peersFile;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "First stage only: inputs, as for `satc run`. The other stages learn the samples from the "
                    + "stream.")
    Path input;

    @Option(
            names = "--generate",
            paramLabel = "N",
            description = "First stage only: characters a decoder generates (default: " + InferenceRunner.DEFAULT_STEPS
                    + "). The other stages learn N from the stream.")
    Integer generate;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "Fail when the run takes longer (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(
            names = "--stall-timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "Fail when a link or peer does not move for this long (default: ${DEFAULT-VALUE}).")
    long stallSeconds;

    @Option(names = "--json", description = "Print the last stage's outputs as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Only what this node runs is verified and loaded: its own part, not the other stages'.
        BundleRead read = new BundleReader().read(bundle, InferenceRunner.filesOf(node, input != null));
        if (read instanceof BundleRead.Rejected r) {
            r.errors().forEach(e -> err.println("satc: " + bundle + ": " + e));
            return ExitCodes.INPUT_ERRORS;
        }
        Bundle b = ((BundleRead.Loaded) read).bundle();
        if (NodeRunner.stageOf(b.manifest(), node) == null) {
            err.println("satc: node `" + node + "` runs no stage of this bundle; its stages run on "
                    + String.join(
                            ", ",
                            b.manifest().stages().stream().map(s -> s.node()).toList()) + ".");
            return ExitCodes.INPUT_ERRORS;
        }
        Path peersPath = peersFile != null ? peersFile : bundle.resolve("bin/peers.txt");
        Map<String, Peer> peers;
        try {
            peers = readPeers(peersPath);
        } catch (IllegalArgumentException | IOException e) {
            err.println("satc: " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        }
        String address = listen;
        if (address == null) {
            Peer own = peers.get(node);
            if (own == null) {
                err.println(
                        "satc: " + peersPath + " has no line for `" + node + "`; add one or pass --listen HOST:PORT.");
                return ExitCodes.INPUT_ERRORS;
            }
            address = own.address();
        }
        Peer self;
        try {
            self = parse(node, address, "--listen");
        } catch (IllegalArgumentException e) {
            err.println("satc: " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        }
        if (timeoutSeconds < 1 || stallSeconds < 1) {
            err.println("satc: --timeout and --stall-timeout must be at least 1 second.");
            return ExitCodes.USAGE;
        }
        TransportOptions transport = TransportOptions.defaults().withStallTimeout(Duration.ofSeconds(stallSeconds));
        NodeRunner.Config config = new NodeRunner.Config(
                node, self.host(), self.port(), peers, transport, Duration.ofSeconds(timeoutSeconds), true);
        BundleStage stage = NodeRunner.stageOf(b.manifest(), node);
        err.println("satc: " + node + " listening on " + self.address() + " (" + stage.resourceName() + " of "
                + b.manifest().stages().size() + ")");
        if (stage.index() > 1 && (input != null || generate != null)) {
            String given = input != null && generate != null
                    ? "--input and --generate are"
                    : input != null ? "--input is" : "--generate is";
            err.println("satc: " + node + ": " + given
                    + " read by the first stage only; this node learns the samples and steps from the stream.");
        }
        err.flush();
        InferenceRunner.NodeOutcome outcome = new InferenceRunner()
                .serve(b, config, input, generate == null ? InferenceRunner.DEFAULT_STEPS : generate);
        if (outcome instanceof InferenceRunner.NodeFailed f) {
            err.println("satc: " + node + ": " + f.message());
            if (!f.badInput()) {
                err.println("satc: " + node + ": the run is incomplete; no output is presented.");
            }
            return f.badInput() ? ExitCodes.INPUT_ERRORS : ExitCodes.RUN_FAILED;
        }
        InferenceRunner.NodeDone done = (InferenceRunner.NodeDone) outcome;
        NodeRunner.Done part = done.part();
        err.println(String.format(
                Locale.ROOT,
                "satc: %s: %d micro-batches in %s, mean service %s (predicted %s), sent %s",
                part.stage(),
                part.messages(),
                Quantities.seconds(part.wallSeconds()),
                Quantities.seconds(part.measuredS()),
                Quantities.seconds(part.predictedS()),
                part.bytesOut() == 0 ? "nothing (last stage)" : Quantities.bytes(part.bytesOut())));
        done.outputs().ifPresent(o -> print(b, o, part, out));
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private void print(Bundle b, ModelOutputs outputs, NodeRunner.Done part, PrintWriter out) {
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("mission", b.manifest().mission());
            root.put("node", node);
            root.put("stage", part.stage());
            root.put("micro_batches", part.messages());
            root.put("wall_s", part.wallSeconds());
            outputs.writeTo(root.putObject("outputs"));
            out.print(RunReport.toJson(root));
        } else if (outputs instanceof ModelOutputs.Checksums c) {
            out.println(
                    "All " + part.messages() + " micro-batches arrived; checksums " + String.join(" ", c.checksums()));
        } else {
            OutputLines.print(outputs, out, "");
        }
    }

    /** Reads {@code NODE HOST:PORT} lines; {@code #} starts a comment. */
    static Map<String, Peer> readPeers(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The peers file `" + file + "` does not exist; pass --peers FILE.");
        }
        Map<String, Peer> peers = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = file + ":" + (i + 1) + ": ";
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + "expected `NODE HOST:PORT`, found `" + line + "`.");
            }
            try {
                peers.put(parts[0], parse(parts[0], parts[1], "the address"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return peers;
    }

    static Peer parse(String name, String address, String what) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException(what + " `" + address + "` is not HOST:PORT.");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    what + " `" + address + "` has port `" + address.substring(colon + 1) + "`, not a number.");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(what + " `" + address + "` has port " + port + ", outside 1..65535.");
        }
        return new Peer(name, host, port);
    }
}
