package io.satc.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.ContingencyIndex;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.inference.InferenceRunner;
import io.satc.runtime.inference.ModelOutputs;
import io.satc.runtime.pipeline.FailoverNode;
import io.satc.runtime.pipeline.NodeRunner;
import io.satc.runtime.pipeline.RunReport;
import io.satc.runtime.pipeline.StageComputeFactory;
import io.satc.runtime.report.Figures;
import io.satc.runtime.transport.MutualTls;
import io.satc.runtime.transport.Peer;
import io.satc.runtime.transport.TransportOptions;
import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.NodeIdentity;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code node DIR --node NAME [--listen HOST:PORT] [--peers FILE]}: one stage as its own process. */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Run one stage of a bundle as its own process; activations stream to the next stage's process over gRPC.",
            "Start one process per stage (bin/node-NODE.sh). The first stage reads the input and tells the others the "
                    + "samples and steps ahead of the stream; the last writes the outputs.",
            "Verifies the bundle's signature and every file present (the other stages' parts may be absent), and loads "
                    + "only what this node runs: its own part, the tokenizer "
                    + "and samples where it reads them.",
            "Exit 0 when every micro-batch went through, 1 for a bad or refused bundle, input or peers file, 4 when the run failed "
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

    @Option(
            names = "--link-timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description =
                    "How long a link whose connection broke keeps trying to resume, with back-off, before the run "
                            + "fails (default: ${DEFAULT-VALUE}); an outage shorter than this loses and duplicates nothing.")
    long linkSeconds;

    @Option(
            names = "--heartbeat-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "With a bundle whose contingencies can replace a lost satellite: a neighbour that sends "
                    + "nothing, not even a heartbeat, for this long is lost, and every node switches to the contingency "
                    + "for it (default: ${DEFAULT-VALUE}). Single-pass runs only; see docs/transport.md, Failover.")
    long heartbeatSeconds;

    @Option(names = "--json", description = "Print the last stage's outputs as one JSON document.")
    boolean json;

    @Option(
            names = "--identity",
            paramLabel = "DIR",
            description = "The folder with this node's TLS identity, NODE.key and NODE.crt (the `nodes` folder of the "
                    + "key that signed the bundle; a satellite needs only its own pair). Default: the development "
                    + "key's, ~/.satc/dev/nodes.")
    Path identity;

    @Mixin
    TrustOptions trusted;

    @Spec
    CommandSpec spec;

    /** The program's name, which every message starts with. */
    private String me;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        me = CommandLines.program(spec);
        // Only what this node runs is verified and loaded: its own part, not the other stages'.
        Optional<Bundle> loaded = trusted.read(bundle, InferenceRunner.filesOf(node, input != null), me, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        Bundle b = loaded.get();
        ContingencyIndex contingencies;
        try {
            contingencies = new BundleReader().contingencies(b);
        } catch (IllegalArgumentException e) {
            err.println(me + ": " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        }
        boolean standby = NodeRunner.stageOf(b.manifest(), node) == null
                && contingencies.contingencies().stream()
                        .filter(ContingencyIndex.Contingency::executable)
                        .anyMatch(c ->
                                c.stages().stream().anyMatch(st -> st.node().equals(node)));
        if (NodeRunner.stageOf(b.manifest(), node) == null && !standby) {
            err.println(me + ": node `" + node + "` runs no stage of this bundle; its stages run on "
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
            err.println(me + ": " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        }
        String address = listen;
        if (address == null) {
            Peer own = peers.get(node);
            if (own == null) {
                err.println(
                        me + ": " + peersPath + " has no line for `" + node + "`; add one or pass --listen HOST:PORT.");
                return ExitCodes.INPUT_ERRORS;
            }
            address = own.address();
        }
        Peer self;
        try {
            self = parse(node, address, "--listen");
        } catch (IllegalArgumentException e) {
            err.println(me + ": " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        }
        if (timeoutSeconds < 1 || stallSeconds < 1 || linkSeconds < 1 || heartbeatSeconds < 1) {
            err.println(me + ": --timeout, --stall-timeout, --link-timeout and --heartbeat-timeout must be at least 1 "
                    + "second.");
            return ExitCodes.USAGE;
        }
        Optional<MutualTls> tls;
        try {
            tls = NodeTls.of(b, node, identity != null ? identity : NodeIdentity.devFolder(), line -> {
                err.println(me + ": " + line);
                err.flush();
            });
        } catch (IOException | Keys.KeyException e) {
            err.println(me + ": " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        }
        TransportOptions transport = TransportOptions.defaults()
                .withStallTimeout(Duration.ofSeconds(stallSeconds))
                .withReconnectTimeout(Duration.ofSeconds(linkSeconds));
        NodeRunner.Config config = new NodeRunner.Config(
                node,
                self.host(),
                self.port(),
                peers,
                transport,
                Duration.ofSeconds(timeoutSeconds),
                true,
                tls,
                event -> {
                    err.println(me + ": " + node + ": " + event);
                    err.flush();
                });
        Optional<FailoverNode> failover = Optional.empty();
        boolean decoder = b.manifest()
                .modelIo()
                .map(io -> ModelIo.DECODER.equals(io.kind()))
                .orElse(false);
        if (!decoder) {
            FailoverNode f = new FailoverNode(
                    b,
                    config,
                    contingencies,
                    Duration.ofSeconds(heartbeatSeconds),
                    InferenceRunner.filesOf(node, input != null));
            if (!f.switchable().isEmpty()) {
                failover = Optional.of(f);
            }
        }
        if (standby && failover.isEmpty()) {
            err.println(me + ": node `" + node + "` runs a stage only in contingencies this run cannot switch to.");
            return ExitCodes.INPUT_ERRORS;
        }
        BundleStage stage = NodeRunner.stageOf(b.manifest(), node);
        String role = stage == null
                ? "standby"
                : stage.resourceName() + " of " + b.manifest().stages().size();
        err.println(me + ": " + node + " listening on " + self.address() + " (" + role + ", "
                + (tls.isPresent() ? "mutual TLS 1.3" : "plaintext links: the bundle pins no TLS keys")
                + failover.map(f -> ", " + f.switchable().size() + " contingencies to switch to after "
                                + heartbeatSeconds + " s of silence")
                        .orElse("")
                + ")");
        if ((stage == null || stage.index() > 1) && (input != null || generate != null)) {
            String given = input != null && generate != null
                    ? "--input and --generate are"
                    : input != null ? "--input is" : "--generate is";
            err.println(me + ": " + node + ": " + given
                    + " read by the first stage only; this node learns the samples and steps from the stream.");
        }
        err.flush();
        InferenceRunner.NodeOutcome outcome = new InferenceRunner()
                .serve(
                        b,
                        config,
                        input,
                        generate == null ? InferenceRunner.DEFAULT_STEPS : generate,
                        StageComputeFactory.standard(),
                        failover);
        if (outcome instanceof InferenceRunner.NodeStoodDown down) {
            err.println(me + ": " + node + ": standing down: " + down.why());
            return ExitCodes.OK;
        }
        if (outcome instanceof InferenceRunner.NodeFailed f) {
            err.println(me + ": " + node + ": " + f.message());
            if (!f.badInput()) {
                err.println(me + ": " + node + ": the run is incomplete; no output is presented.");
            }
            return f.badInput() ? ExitCodes.INPUT_ERRORS : ExitCodes.RUN_FAILED;
        }
        InferenceRunner.NodeDone done = (InferenceRunner.NodeDone) outcome;
        NodeRunner.Done part = done.part();
        err.println(String.format(
                Locale.ROOT,
                me + ": %s: %d micro-batches in %s, mean service %s (predicted %s), sent %s%s",
                part.stage(),
                part.messages(),
                Figures.seconds(part.wallSeconds()),
                Figures.seconds(part.measuredS()),
                Figures.seconds(part.predictedS()),
                part.bytesOut() == 0 ? "nothing (last stage)" : Figures.bytes(part.bytesOut()),
                part.resumed() == 0
                        ? ""
                        : "; links resumed " + part.resumed() + (part.resumed() == 1 ? " time" : " times")
                                + " after their connection broke, nothing lost"));
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
