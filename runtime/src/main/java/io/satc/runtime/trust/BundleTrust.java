package io.satc.runtime.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a runtime trusts (keys, and optionally a rollback state) and the first check on a bundle:
 * {@link #open} authenticates the signed statement and the folder's file list before any other
 * file is read, and returns the {@link Signed} view that checks each file against it.
 *
 * <p>Order, each step a {@link Refusal} with a stable reason: the statement and signature exist
 * ({@code unsigned}) and parse ({@code malformed-statement}); a key is trusted at all
 * ({@code no-trusted-key}) and the signer is one of them ({@code unknown-signer}); the signature
 * verifies ({@code bad-signature}); only then is the statement parsed; the version is not below
 * the one accepted for the mission ({@code rollback}, {@code state-unavailable}); the folder holds
 * no file the statement does not list ({@code extra-file}). Files are then checked as they are
 * read ({@code changed-file}, {@code missing-file}).
 */
public final class BundleTrust {

    /** Larger statements or signatures are not read; a real one is a few kilobytes. */
    private static final long MAX_STATEMENT_BYTES = 16 << 20;

    private final TrustStore keys;
    private final Optional<RollbackState> state;

    public BundleTrust(TrustStore keys, Optional<RollbackState> state) {
        this.keys = keys;
        this.state = state;
    }

    public TrustStore keys() {
        return keys;
    }

    public Optional<RollbackState> state() {
        return state;
    }

    /** A bundle whose statement is authentic: check its files against it. */
    public sealed interface Opened permits Signed, Refused {}

    public record Refused(Refusal refusal) implements Opened {}

    /** Authenticates {@code dir}'s statement and file list. */
    public Opened open(Path dir) {
        String at = "Bundle `" + dir + "`";
        Path statementFile = dir.resolve(BundleStatement.FILE);
        Path signatureFile = dir.resolve(BundleStatement.SIGNATURE_FILE);
        if (!Files.isRegularFile(statementFile, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(signatureFile, LinkOption.NOFOLLOW_LINKS)) {
            return refuse(
                    Refusal.Reason.UNSIGNED,
                    at + " has no signed statement (`" + BundleStatement.FILE + "` and `"
                            + BundleStatement.SIGNATURE_FILE + "`); compile it again, which signs it.");
        }
        byte[] body;
        StatementSignature signature;
        try {
            if (Files.size(statementFile) > MAX_STATEMENT_BYTES || Files.size(signatureFile) > MAX_STATEMENT_BYTES) {
                return refuse(Refusal.Reason.MALFORMED_STATEMENT, at + " has a statement or signature over 16 MiB.");
            }
            body = Files.readAllBytes(statementFile);
            signature = StatementSignature.parse(Files.readAllBytes(signatureFile));
        } catch (IOException e) {
            return refuse(
                    Refusal.Reason.MALFORMED_STATEMENT, at + "'s statement cannot be read (" + e.getMessage() + ").");
        } catch (IllegalArgumentException e) {
            return refuse(Refusal.Reason.MALFORMED_STATEMENT, at + ": " + lower(e.getMessage()));
        }
        if (keys.isEmpty()) {
            return refuse(
                    Refusal.Reason.NO_TRUSTED_KEY,
                    "No signing key is trusted (" + keys.origin() + " holds none), so " + lower(at)
                            + " cannot be checked; pass --trust KEY with the signer's public key.");
        }
        Optional<PublicKey> key = keys.key(signature.keyId());
        if (key.isEmpty()) {
            return refuse(
                    Refusal.Reason.UNKNOWN_SIGNER,
                    at + " is signed by " + Keys.shortId(signature.keyId()) + ", which is not a trusted key (trusted: "
                            + String.join(", ", keys.ids()) + "); pass the signer's public key with --trust.");
        }
        if (!signature.verifies(body, key.get())) {
            return refuse(
                    Refusal.Reason.BAD_SIGNATURE,
                    "The signature of " + lower(at) + " does not verify with the key " + Keys.shortId(signature.keyId())
                            + ": its statement or signature was changed after signing.");
        }
        BundleStatement statement;
        try {
            statement = BundleStatement.parse(body);
        } catch (IllegalArgumentException e) {
            return refuse(Refusal.Reason.MALFORMED_STATEMENT, at + ": " + lower(e.getMessage()));
        }
        if (!statement.signer().equals(signature.keyId())) {
            return refuse(
                    Refusal.Reason.MALFORMED_STATEMENT,
                    at + "'s statement names the signer " + Keys.shortId(statement.signer()) + " but was signed by "
                            + Keys.shortId(signature.keyId()) + ".");
        }
        if (state.isPresent()) {
            OptionalLong accepted;
            try {
                accepted = state.get().accepted(statement.mission());
            } catch (IOException e) {
                return refuse(Refusal.Reason.STATE_UNAVAILABLE, unavailable(state.get(), e));
            }
            if (accepted.isPresent() && accepted.getAsLong() > statement.bundleVersion()) {
                return refuse(
                        Refusal.Reason.ROLLBACK,
                        at + " is version " + statement.bundleVersion() + " of mission `" + statement.mission()
                                + "`, but version " + accepted.getAsLong() + " was already accepted (state `"
                                + state.get().directory() + "`); a rolled-back bundle is refused.");
            }
        }
        Set<String> listed = new TreeSet<>();
        statement.files().forEach(f -> listed.add(f.path()));
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(dir) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String path = dir.relativize(p).toString().replace('\\', '/');
                if (BundleStatement.OWN_FILES.contains(path)) {
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    return refuse(
                            Refusal.Reason.EXTRA_FILE,
                            at + " holds `" + path + "`, which is a link or special file; a bundle holds only the"
                                    + " regular files its statement lists.");
                }
                if (!listed.contains(path)) {
                    return refuse(
                            Refusal.Reason.EXTRA_FILE,
                            at + " holds `" + path + "`, which its signed statement does not list; remove it, or"
                                    + " compile and sign the bundle again.");
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return refuse(Refusal.Reason.MISSING_FILE, at + " cannot be listed (" + e.getMessage() + ").");
        }
        return new Signed(dir, statement, state);
    }

    private static Refused refuse(Refusal.Reason reason, String message) {
        return new Refused(new Refusal(reason, message));
    }

    private static String unavailable(RollbackState state, IOException e) {
        return "The state directory `" + state.directory() + "` cannot be used (" + e.getMessage()
                + "); pass a readable and writable --state DIR.";
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** An authenticated statement: every file the runtime reads is checked against it. */
    public static final class Signed implements Opened {
        private final Path dir;
        private final BundleStatement statement;
        private final Optional<RollbackState> state;

        Signed(Path dir, BundleStatement statement, Optional<RollbackState> state) {
            this.dir = dir;
            this.statement = statement;
            this.state = state;
        }

        public BundleStatement statement() {
            return statement;
        }

        /** The files the statement lists, sorted. */
        public List<String> paths() {
            return statement.files().stream()
                    .map(BundleStatement.FileEntry::path)
                    .toList();
        }

        /** Whether {@code path} is in the folder. */
        public boolean present(String path) {
            return Files.isRegularFile(dir.resolve(path), LinkOption.NOFOLLOW_LINKS);
        }

        /** {@code bytes}, read from {@code path}, against the statement. */
        public Optional<Refusal> check(String path, byte[] bytes) {
            return compare(path, Keys.sha256(bytes), bytes.length);
        }

        /** Reads {@code path} (streamed: nothing is kept) and checks it against the statement. */
        public Optional<Refusal> checkStreamed(String path) {
            Path file = dir.resolve(path);
            if (!present(path)) {
                return missing(path);
            }
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long size = 0;
                byte[] buffer = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                        size += n;
                    }
                }
                return compare(path, HexFormat.of().formatHex(digest.digest()), size);
            } catch (IOException e) {
                return Optional.of(new Refusal(
                        Refusal.Reason.MISSING_FILE,
                        "`" + path + "` of bundle `" + dir + "` cannot be read (" + e.getMessage() + ")."));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform provides SHA-256", e);
            }
        }

        /** The refusal for a listed file that is not there. */
        public Optional<Refusal> missing(String path) {
            return Optional.of(new Refusal(
                    Refusal.Reason.MISSING_FILE,
                    "`" + path + "`, which the signed statement lists, is missing from bundle `" + dir + "`."));
        }

        /** Whether the statement is for {@code mission}. */
        public Optional<Refusal> checkMission(String mission) {
            if (statement.mission().equals(mission)) {
                return Optional.empty();
            }
            return Optional.of(new Refusal(
                    Refusal.Reason.MISSION_MISMATCH,
                    "The signed statement of bundle `" + dir + "` is for mission `" + statement.mission()
                            + "`, but its manifest is for `" + mission + "`."));
        }

        /** Records the version as accepted; called once every check has passed. */
        public Optional<Refusal> commit() {
            if (state.isEmpty()) {
                return Optional.empty();
            }
            try {
                state.get().accept(statement.mission(), statement.bundleVersion());
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(new Refusal(Refusal.Reason.STATE_UNAVAILABLE, unavailable(state.get(), e)));
            }
        }

        private Optional<Refusal> compare(String path, String sha256, long size) {
            BundleStatement.FileEntry entry = statement.file(path);
            if (entry == null) {
                return Optional.of(new Refusal(
                        Refusal.Reason.EXTRA_FILE,
                        "Bundle `" + dir + "` holds `" + path + "`, which its signed statement does not list."));
            }
            if (!entry.sha256().equals(sha256) || entry.bytes() != size) {
                return Optional.of(new Refusal(
                        Refusal.Reason.CHANGED_FILE,
                        "`" + path + "` of bundle `" + dir + "` has SHA-256 " + sha256.substring(0, 16) + "… ("
                                + size + " bytes) but the signed statement says "
                                + entry.sha256().substring(0, 16)
                                + "… (" + entry.bytes() + " bytes); the file was changed after signing."));
            }
            return Optional.empty();
        }
    }
}
