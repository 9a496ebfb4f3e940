package io.satc.compiler.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the parts of a split as `<base>.part<k>.onnx` files; the same split gives the same bytes. */
public final class PartWriter {
    private PartWriter() {}

    public static ModelResult<List<Path>> write(ModelSplit split, Path directory, String baseName) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (ModelPart part : split.parts()) {
                Path file = directory.resolve(baseName + ".part" + part.index() + ".onnx");
                Files.write(file, part.onnx());
                written.add(file);
            }
        } catch (IOException e) {
            return ModelResult.failed(
                    ModelErrorKind.UNREADABLE,
                    "Cannot write the parts to `" + directory + "`: " + e.getMessage() + ".");
        }
        return ModelResult.ok(written);
    }
}
