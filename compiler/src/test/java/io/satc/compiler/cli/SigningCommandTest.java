package io.satc.compiler.cli;

import static io.satc.compiler.cli.CheckCommandTest.satc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing loop through the command line: {@code satc keys new}, {@code compile --sign} with
 * growing versions, and {@code run --trust --state} accepting the signed bundle, refusing an
 * unknown signer and a rollback, each refusal one line and exit 1 with nothing run.
 */
class SigningCommandTest {

    @TempDir
    Path tmp;

    private static long version(Path bundle) throws Exception {
        JsonNode statement =
                new ObjectMapper().readTree(bundle.resolve("statement.json").toFile());
        return statement.path("bundle_version").asLong();
    }

    @Test
    void keysSignBundlesWhoseVersionsGrowAndARollbackIsRefused() throws Exception {
        Path keys = tmp.resolve("mission-keys");
        CheckCommandTest.Run made = satc("keys", "new", keys.toString());
        assertEquals(0, made.exit(), made.err());
        assertTrue(made.out().startsWith("Made the signing key ed25519:"), made.out());
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing.key"))));
        CheckCommandTest.Run again = satc("keys", "new", keys.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, again.exit());
        assertTrue(again.err().contains("a key is never overwritten"), again.err());

        String mission = RepoPaths.examples().resolve("link-bound.sat").toString();
        Path first = tmp.resolve("v1");
        Path second = tmp.resolve("v2");
        CheckCommandTest.Run c1 = satc("compile", mission, "--sign", keys.toString(), "-o", first.toString());
        assertEquals(0, c1.exit(), c1.err());
        assertTrue(c1.out().contains(", version 1 signed by ed25519:"), c1.out());
        CheckCommandTest.Run c2 =
                satc("compile", mission, "--sign", keys.resolve("signing.key").toString(), "-o", second.toString());
        assertEquals(0, c2.exit(), c2.err());
        assertEquals(1, version(first));
        assertEquals(2, version(second));

        String trust = keys.resolve("signing.pub").toString();
        Path state = tmp.resolve("state");
        CheckCommandTest.Run run = satc("run", "--trust", trust, "--state", state.toString(), second.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("  outputs    16 micro-batches, checksums "), run.out());

        CheckCommandTest.Run rollback =
                satc("run", "--trust", keys.toString(), "--state", state.toString(), first.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, rollback.exit(), rollback.err());
        assertEquals("", rollback.out());
        assertEquals(1, rollback.err().lines().count(), rollback.err());
        assertTrue(
                rollback.err()
                        .startsWith("satc: refused (rollback): Bundle `" + first + "` is version 1 of mission "
                                + "`link-bound`, but version 2 was already accepted"),
                rollback.err());
        // Without --state there is no rollback check; the default trust (the development key) does not know this key.
        CheckCommandTest.Run unknown = satc("run", first.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, unknown.exit(), unknown.err());
        assertTrue(unknown.err().startsWith("satc: refused (unknown-signer): Bundle `"), unknown.err());
        assertTrue(unknown.err().contains("pass the signer's public key with --trust."), unknown.err());
        CheckCommandTest.Run node = satc("node", first.toString(), "--node", "cam");
        assertEquals(ExitCodes.INPUT_ERRORS, node.exit(), node.err());
        assertTrue(node.err().startsWith("satc: refused (unknown-signer): "), node.err());
        assertFalse(node.err().contains("listening"), node.err());

        Path explicit = tmp.resolve("v7");
        CheckCommandTest.Run c7 =
                satc("compile", mission, "--sign", keys.toString(), "--bundle-version", "7", "-o", explicit.toString());
        assertEquals(0, c7.exit(), c7.err());
        assertEquals(7, version(explicit));
        CheckCommandTest.Run zero =
                satc("compile", mission, "--sign", keys.toString(), "--bundle-version", "0", "-o", explicit.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, zero.exit());
        assertTrue(zero.err().contains("--bundle-version must be at least 1, got 0."), zero.err());
        CheckCommandTest.Run noKey =
                satc("compile", mission, "--sign", tmp.resolve("absent").toString(), "-o", explicit.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, noKey.exit());
        assertTrue(noKey.err().contains("does not exist"), noKey.err());
    }

    @Test
    void withoutAKeyTheDevelopmentKeySignsAndTheRuntimeTrustsIt() throws Exception {
        Path bundle = tmp.resolve("dev");
        CheckCommandTest.Run c =
                satc("compile", RepoPaths.examples().resolve("link-bound.sat").toString(), "-o", bundle.toString());
        assertEquals(0, c.exit(), c.err());
        CheckCommandTest.Run r = satc("run", bundle.toString());
        assertEquals(0, r.exit(), r.err());
    }
}
