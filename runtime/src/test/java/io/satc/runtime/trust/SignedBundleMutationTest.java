package io.satc.runtime.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.satc.runtime.bundle.BundleFile;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.bundle.BundleWriter;
import io.satc.runtime.bundle.ModelFile;
import io.satc.runtime.bundle.TextBundles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than a thousand mutated signed bundles: bytes of every file flipped, truncated, extended
 * and inserted; the statement and its signature corrupted; other signers; files removed, added,
 * renamed and linked; another mission; rolled-back versions. Every one is refused with the reason
 * of its class and one sentence, before the manifest is used; the untouched bundle loads.
 */
class SignedBundleMutationTest {

    private static final String MISSION = "test-text-decoder";

    @TempDir
    Path tmp;

    private Path dir;
    private final BundleSigner.SigningKey key = TestKeys.signing(11);
    private final Map<String, byte[]> pristine = new TreeMap<>();
    private final Map<Refusal.Reason, Integer> counts = new EnumMap<>(Refusal.Reason.class);

    @BeforeEach
    void signedBundle() throws IOException {
        dir = tmp.resolve("bundle");
        BundleManifest text = TextBundles.decoder(dir, List.of("In the beginning", "And God said"))
                .manifest();
        // Stage 2 carries a part file, so that parts are mutated too (the bundle is only read, never run).
        byte[] part = new byte[4096];
        new Random(2).nextBytes(part);
        Files.createDirectories(dir.resolve("stages/leo-2"));
        Files.write(dir.resolve("stages/leo-2/model.onnx"), part);
        new BundleWriter().write(dir, text.withModel(2, new ModelFile("stages/leo-2/model.onnx", Keys.sha256(part))));
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("README.md"), "# A test bundle\n\nRun it with bin/run-local.sh.\n");
        Files.writeString(
                dir.resolve("bin/node-leo-1.sh"),
                "#!/usr/bin/env sh\nexec satc-runtime node \"$(dirname \"$0\")/..\" --node leo-1 \"$@\"\n");
        Files.writeString(dir.resolve("bin/peers.txt"), "leo-1 127.0.0.1:7401\nleo-2 127.0.0.1:7402\n");
        Files.writeString(dir.resolve("report.html"), "<!DOCTYPE html><html><body>report</body></html>\n");
        BundleSigner.sign(dir, MISSION, 3, key, null);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                pristine.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
    }

    private BundleTrust trust() {
        return new BundleTrust(TrustStore.ofKey(key.publicKey()), Optional.empty());
    }

    /** Reads the bundle as {@code satc run} does; must be refused with one of {@code reasons}. */
    private void assertRefused(String what, BundleTrust trust, Set<Refusal.Reason> reasons) {
        BundleRead read = new BundleReader(trust).read(dir, BundleFile.Selection.all());
        if (!(read instanceof BundleRead.Refused r)) {
            fail(what + ": not refused but " + read);
            return;
        }
        assertTrue(reasons.contains(r.refusal().reason()), what + ": " + r.refusal());
        String message = r.refusal().message();
        assertTrue(!message.contains("\n") && message.endsWith("."), what + ": not one sentence: " + message);
        assertTrue(!message.contains("Exception"), what + ": " + message);
        counts.merge(r.refusal().reason(), 1, Integer::sum);
    }

    private void restore() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> e : pristine.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    /** Flip a bit, truncate, append, insert: {@code n} mutations of {@code file}'s bytes. */
    private int mutateBytes(String file, int n, Random random, Set<Refusal.Reason> reasons) throws IOException {
        byte[] original = pristine.get(file);
        for (int i = 0; i < n; i++) {
            byte[] bytes;
            String how;
            switch (i % 4) {
                case 0 -> {
                    bytes = original.clone();
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    how = "bit flipped at " + at;
                }
                case 1 -> {
                    int length = random.nextInt(original.length);
                    bytes = java.util.Arrays.copyOf(original, length);
                    how = "truncated to " + length;
                }
                case 2 -> {
                    bytes = java.util.Arrays.copyOf(original, original.length + 1 + random.nextInt(64));
                    random.nextBytes(new byte[0]);
                    for (int k = original.length; k < bytes.length; k++) {
                        bytes[k] = (byte) random.nextInt(256);
                    }
                    how = "extended to " + bytes.length;
                }
                default -> {
                    int at = random.nextInt(original.length + 1);
                    bytes = new byte[original.length + 1];
                    System.arraycopy(original, 0, bytes, 0, at);
                    bytes[at] = (byte) random.nextInt(256);
                    System.arraycopy(original, at, bytes, at + 1, original.length - at);
                    how = "byte inserted at " + at;
                }
            }
            Files.write(dir.resolve(file), bytes);
            assertRefused(file + " " + how, trust(), reasons);
        }
        Files.write(dir.resolve(file), original);
        return n;
    }

    @Test
    void everyMutationIsRefusedWithItsReasonAndTheIntactBundleLoads() throws Exception {
        BundleRead intact = new BundleReader(trust()).read(dir, BundleFile.Selection.all());
        assertTrue(
                assertInstanceOf(BundleRead.Loaded.class, intact)
                        .bundle()
                        .verified(new ModelFile("stages/leo-2/model.onnx", "")),
                "the part was read and kept");
        Random random = new Random(20261204);
        int mutations = 0;
        // Each file of the bundle: 100 byte mutations.
        for (String file : pristine.keySet()) {
            if (!BundleStatement.OWN_FILES.contains(file)) {
                mutations += mutateBytes(file, 100, random, Set.of(Refusal.Reason.CHANGED_FILE));
            }
        }
        // The statement: the signature no longer verifies (or, truncated to nothing, it does not parse).
        mutations += mutateBytes(BundleStatement.FILE, 150, random, Set.of(Refusal.Reason.BAD_SIGNATURE));
        // The signature file: its JSON breaks, its key id changes, or the signature fails.
        mutations += mutateBytes(
                BundleStatement.SIGNATURE_FILE,
                150,
                random,
                Set.of(
                        Refusal.Reason.MALFORMED_STATEMENT,
                        Refusal.Reason.UNKNOWN_SIGNER,
                        Refusal.Reason.BAD_SIGNATURE));
        // Signed by keys that are not trusted.
        for (int seed = 100; seed < 120; seed++) {
            BundleSigner.sign(dir, MISSION, 3, TestKeys.signing(seed), null);
            assertRefused("signed by key " + seed, trust(), Set.of(Refusal.Reason.UNKNOWN_SIGNER));
            mutations++;
        }
        restore();
        // Another trusted signer's signature pasted over this one, or this signature over another statement.
        BundleSigner.SigningKey other = TestKeys.signing(200);
        BundleTrust both = new BundleTrust(
                TrustStore.of(List.of(
                        Files.writeString(
                                tmp.resolve("a.pub"),
                                Keys.pem("PUBLIC KEY", key.publicKey().getEncoded())),
                        Files.writeString(
                                tmp.resolve("b.pub"),
                                Keys.pem("PUBLIC KEY", other.publicKey().getEncoded())))),
                Optional.empty());
        Files.write(
                dir.resolve(BundleStatement.SIGNATURE_FILE),
                StatementSignature.sign(pristine.get(BundleStatement.FILE), other.privateKey(), key.id())
                        .toBytes());
        assertRefused("a signature by another key under this key's id", both, Set.of(Refusal.Reason.BAD_SIGNATURE));
        Files.write(
                dir.resolve(BundleStatement.SIGNATURE_FILE),
                StatementSignature.sign(pristine.get(BundleStatement.FILE), other.privateKey(), other.id())
                        .toBytes());
        assertRefused(
                "signed by another trusted key that the statement does not name",
                both,
                Set.of(Refusal.Reason.MALFORMED_STATEMENT));
        mutations += 2;
        restore();
        // The file set: each file removed, extra files anywhere, a link, a renamed file.
        for (String file : pristine.keySet()) {
            Files.delete(dir.resolve(file));
            assertRefused(
                    "without " + file,
                    trust(),
                    BundleStatement.OWN_FILES.contains(file)
                            ? Set.of(Refusal.Reason.UNSIGNED)
                            : Set.of(Refusal.Reason.MISSING_FILE));
            restore();
            mutations++;
        }
        for (String extra : List.of(
                "extra.txt",
                "bin/evil.sh",
                "stages/leo-1/model.onnx",
                ".hidden",
                "model/vocab.json.bak",
                "a/b/c",
                "stages/leo-2/model.onnx.orig")) {
            Path p = dir.resolve(extra);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "not signed\n");
            assertRefused("with " + extra, trust(), Set.of(Refusal.Reason.EXTRA_FILE));
            restore();
            mutations++;
        }
        Files.createSymbolicLink(dir.resolve("bin/link.sh"), dir.resolve("bin/node-leo-1.sh"));
        assertRefused("with a link", trust(), Set.of(Refusal.Reason.EXTRA_FILE));
        restore();
        Files.move(dir.resolve("README.md"), dir.resolve("README.txt"));
        assertRefused("with a renamed file", trust(), Set.of(Refusal.Reason.EXTRA_FILE));
        restore();
        Files.delete(dir.resolve("bin/node-leo-1.sh"));
        Files.createSymbolicLink(dir.resolve("bin/node-leo-1.sh"), tmp.resolve("a.pub"));
        assertRefused("a signed file replaced by a link", trust(), Set.of(Refusal.Reason.EXTRA_FILE));
        restore();
        mutations += 3;
        // Signed for another mission than the manifest's.
        BundleSigner.sign(dir, "another-mission", 3, key, null);
        assertRefused("signed for another mission", trust(), Set.of(Refusal.Reason.MISSION_MISMATCH));
        restore();
        mutations++;
        // No key trusted at all.
        assertRefused(
                "no trusted key",
                new BundleTrust(TrustStore.of(List.of()), Optional.empty()),
                Set.of(Refusal.Reason.NO_TRUSTED_KEY));
        mutations++;
        mutations += rollbacks();
        assertTrue(mutations >= 1000, "only " + mutations + " mutations");
        System.out.println("SignedBundleMutationTest: " + mutations + " mutated bundles refused, by reason: " + counts);
    }

    /** A state directory that saw version 5 refuses 4 and accepts 5 and 6; then 5 is a rollback. */
    private int rollbacks() throws Exception {
        Path state = tmp.resolve("state");
        BundleTrust withState =
                new BundleTrust(TrustStore.ofKey(key.publicKey()), Optional.of(RollbackState.at(state)));
        int n = 0;
        for (long accepted : new long[] {5, 5, 6}) {
            BundleSigner.sign(dir, MISSION, accepted, key, null);
            assertInstanceOf(
                    BundleRead.Loaded.class, new BundleReader(withState).read(dir, BundleFile.Selection.all()));
        }
        for (long older : new long[] {1, 4, 5}) {
            BundleSigner.sign(dir, MISSION, older, key, null);
            assertRefused("version " + older + " after 6", withState, Set.of(Refusal.Reason.ROLLBACK));
            n++;
        }
        assertEquals(
                "{\n  \"accepted_versions\" : {\n    \"" + MISSION + "\" : 6\n  }\n}\n",
                Files.readString(state.resolve(RollbackState.FILE), StandardCharsets.UTF_8));
        // Another mission's versions are its own.
        BundleSigner.sign(dir, MISSION, 6, key, null);
        assertInstanceOf(BundleRead.Loaded.class, new BundleReader(withState).read(dir, BundleFile.Selection.all()));
        Files.writeString(state.resolve(RollbackState.FILE), "not json");
        assertRefused("an unreadable state", withState, Set.of(Refusal.Reason.STATE_UNAVAILABLE));
        restore();
        return n + 1;
    }
}
