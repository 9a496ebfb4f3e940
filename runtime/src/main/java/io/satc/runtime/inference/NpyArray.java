package io.satc.runtime.inference;

import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.codec.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} file of little-endian float32 ({@code <f4}) or int64 ({@code <i8})
 * values in C order, the tensor form of {@code satc run --input}.
 */
public final class NpyArray {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyArray() {}

    public static Activation read(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException("Cannot read the input `" + file + "`: " + e.getMessage() + ".");
        }
        String name = "`" + file + "`";
        if (bytes.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new InputException(name + " is not a NumPy .npy file (it does not start with \\x93NUMPY).");
        }
        int major = bytes[6];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buf.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new InputException(name + " is truncated inside its header.");
            }
            headerLength = buf.getInt(8);
            headerStart = 12;
        } else {
            throw new InputException(name + " uses .npy format version " + major + "; versions 1 to 3 are read.");
        }
        if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
            throw new InputException(name + " is truncated inside its header.");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name, "descr");
        if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
            throw new InputException(name + " is in Fortran order; save it in C order (numpy.ascontiguousarray).");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : group(SHAPE, header, name, "shape").split(",")) {
            if (!part.isBlank()) {
                try {
                    dims.add(Integer.parseInt(part.strip()));
                } catch (NumberFormatException e) {
                    throw new InputException(name + " has shape dimension `" + part.strip() + "`, not an integer.");
                }
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long count = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new InputException(name + " has an empty dimension in shape " + dims + ".");
            }
            count *= d;
        }
        int dataStart = headerStart + headerLength;
        int width = switch (descr) {
            case "<f4" -> 4;
            case "<i8" -> 8;
            default ->
                throw new InputException(
                        name + " holds `" + descr + "` values; satc reads float32 (`<f4`) and int64 (`<i8`) arrays.");
        };
        if (shape.length == 0 || count * width != bytes.length - dataStart) {
            throw new InputException(name + " declares shape " + dims + " of `" + descr + "` (" + count * width
                    + " bytes), but holds " + (bytes.length - dataStart) + " bytes of data.");
        }
        ByteBuffer data =
                ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).order(ByteOrder.LITTLE_ENDIAN);
        if (width == 4) {
            float[] values = new float[(int) count];
            data.asFloatBuffer().get(values);
            return Tensor.of(values, shape);
        }
        long[] values = new long[(int) count];
        data.asLongBuffer().get(values);
        return LongTensor.of(values, shape);
    }

    private static String group(Pattern p, String header, String name, String key) throws InputException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new InputException(name + " has no readable `" + key + "` in its .npy header.");
        }
        return m.group(1);
    }
}
