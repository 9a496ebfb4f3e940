package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration inputs from text: format detection, windows, WordPiece rows, determinism. */
class CalibrationSetTest {

    @Test
    void charTableGivesWindowsOfNormalisedTextWithUnknownsAsZero(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("t.txt");
        // Whitespace runs collapse, lines join with \n, 'X' and '7' are not in the table.
        Files.writeString(text, "In  the\tbeginning\r\n\nX7 God\n", StandardCharsets.UTF_8);
        CalibrationSet set =
                CalibrationSet.load(text, CalibrationFiles.kjvVocab(), 4).orElseThrow();
        assertEquals(TokenizerFormat.CHAR, set.format());
        // "In the beginning\nX7 God" has 23 characters: 5 windows of 4, the tail of 3 dropped.
        assertEquals(5, set.samples());
        assertEquals(Set.of("input_ids"), set.inputs().keySet());
        long[] ids = set.inputs().get("input_ids");
        // itos: 0 <unk>, 1 \n, 2 space, ..., 13 'A'; 'I' = 21 in the sorted table.
        assertEquals(21, ids[0]);
        assertEquals(2, ids[2]);
        assertEquals(1, ids[16]);
        assertEquals(0, ids[17]);
        assertEquals(0, ids[18]);
        for (long m : set.mask()) {
            assertEquals(1, m);
        }
        assertEquals(
                2,
                CalibrationSet.load(text, CalibrationFiles.kjvVocab(), 4, 2)
                        .orElseThrow()
                        .samples());
    }

    @Test
    void wordPieceTokenizerGivesPaddedBertInputs() {
        CalibrationSet set = CalibrationSet.load(
                        CalibrationFiles.miniLmSentences(), CalibrationFiles.miniLmTokenizer(), 16, 3)
                .orElseThrow();
        assertEquals(TokenizerFormat.WORDPIECE, set.format());
        assertEquals(3, set.samples());
        assertEquals(
                Set.of("attention_mask", "input_ids", "token_type_ids"),
                set.inputs().keySet());
        long[] ids = set.inputs().get("input_ids");
        assertEquals(101, ids[0], "[CLS]");
        assertArrayEquals(set.inputs().get("attention_mask"), set.mask());
        long real = 0;
        for (long m : set.mask()) {
            real += m;
        }
        assertTrue(real > 3 && real <= 48, "real positions " + real);
    }

    @Test
    void loadingTwiceGivesTheSameInputs() {
        CalibrationSet a = CalibrationSet.load(CalibrationFiles.kjvText(), CalibrationFiles.kjvVocab(), 128)
                .orElseThrow();
        CalibrationSet b = CalibrationSet.load(CalibrationFiles.kjvText(), CalibrationFiles.kjvVocab(), 128)
                .orElseThrow();
        assertEquals(a.samples(), b.samples());
        assertArrayEquals(a.inputs().get("input_ids"), b.inputs().get("input_ids"));
        // 200 verses of at least 64 characters give well over 100 windows of 128.
        assertTrue(a.samples() > 100, "windows " + a.samples());
    }

    @Test
    void unknownTokenizerFormatsAndShortTextsAreErrors(@TempDir Path dir) throws Exception {
        Path tokenizer = dir.resolve("tok.json");
        Files.writeString(tokenizer, "{\"model\": {\"type\": \"BPE\"}}", StandardCharsets.UTF_8);
        ModelResult<CalibrationSet> bpe = CalibrationSet.load(CalibrationFiles.kjvText(), tokenizer, 8);
        assertEquals(ModelErrorKind.UNREADABLE, bpe.failure().orElseThrow().kind());
        assertTrue(bpe.failure().orElseThrow().message().contains("`tok.json`"));

        Path shortText = dir.resolve("short.txt");
        Files.writeString(shortText, "Amen.\n", StandardCharsets.UTF_8);
        assertFalse(
                CalibrationSet.load(shortText, CalibrationFiles.kjvVocab(), 128).isOk());
        assertFalse(CalibrationSet.load(dir.resolve("missing.txt"), CalibrationFiles.kjvVocab(), 8)
                .isOk());
        assertFalse(CalibrationSet.load(CalibrationFiles.kjvText(), CalibrationFiles.kjvVocab(), 0)
                .isOk());
    }
}
