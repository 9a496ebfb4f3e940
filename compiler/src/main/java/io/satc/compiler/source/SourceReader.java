package io.satc.compiler.source;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads mission files from disk as strict UTF-8, turning every failure into a diagnostic. */
public final class SourceReader {

    /** What reading produced: the source, or the diagnostics that explain why there is none. */
    public record Result(SourceFile source, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return source != null;
        }
    }

    private SourceReader() {}

    public static Result read(String displayPath) {
        return read(Path.of(displayPath), displayPath);
    }

    /** Reads {@code path}, showing it as {@code displayPath} in diagnostics. */
    public static Result read(Path path, String displayPath) {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                return failure(
                        displayPath,
                        DiagnosticCode.CANNOT_READ_FILE,
                        "Cannot read `" + displayPath + "`: it is a directory.",
                        "Pass a `.sat` mission file.");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return failure(
                    displayPath,
                    DiagnosticCode.CANNOT_READ_FILE,
                    "Cannot read `" + displayPath + "`: no such file.",
                    "Check the path; it is relative to the current directory.");
        } catch (IOException | SecurityException e) {
            return failure(
                    displayPath,
                    DiagnosticCode.CANNOT_READ_FILE,
                    "Cannot read `" + displayPath + "`: " + e.getMessage() + ".",
                    null);
        }
        return decode(displayPath, path, bytes);
    }

    public static Result decode(String displayPath, Path path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return new Result(new SourceFile(displayPath, path, text), List.of());
        } catch (CharacterCodingException e) {
            return invalidUtf8(displayPath, path, bytes);
        }
    }

    private static Result invalidUtf8(String displayPath, Path path, byte[] bytes) {
        int bad = firstInvalidUtf8(bytes);
        // Show the valid prefix so the caret lands on the offending position.
        String prefix = new String(bytes, 0, bad, StandardCharsets.UTF_8);
        String shown = prefix + "\uFFFD"
                + new String(
                                bytes,
                                bad + 1,
                                Math.max(0, Math.min(bytes.length, nextNewline(bytes, bad)) - bad - 1),
                                StandardCharsets.UTF_8)
                        .replace('\uFFFD', '?');
        SourceFile source = new SourceFile(displayPath, path, shown);
        Diagnostic d = Diagnostic.error(
                        DiagnosticCode.INVALID_UTF8,
                        source,
                        new Span(prefix.length(), prefix.length() + 1),
                        "The file is not valid UTF-8: the bytes from offset " + bad + " (0x"
                                + String.format("%02X", bytes[bad] & 0xFF) + ") form no character.")
                .withHelp("Save the mission as UTF-8; other encodings are not accepted.");
        return new Result(null, List.of(d));
    }

    private static int nextNewline(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    /** Offset of the first byte that does not begin a well-formed UTF-8 sequence. */
    static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int len;
            int min;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + len > bytes.length) {
                return i;
            }
            int cp = b & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += len;
        }
        return Math.max(0, bytes.length - 1);
    }

    private static Result failure(String displayPath, DiagnosticCode code, String message, String help) {
        SourceFile empty = new SourceFile(displayPath, null, "");
        Diagnostic d = Diagnostic.error(code, empty, Span.NONE, message);
        if (help != null) {
            d = d.withHelp(help);
        }
        return new Result(null, List.of(d));
    }
}
