package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Why top-k calibration losses should fall as p grows: at the activation, the error of every
 * element is non-increasing in p. The kept sets are nested (largest |x| first, ties to the lower
 * column), the row scale (max|x| / 127) does not depend on p, and a kept element's rounding
 * error is at most |x| (0 is on the grid), which is the error of dropping it. Float rounding can
 * add 2^-15 of the row scale, hence the tolerance. The loss itself is a non-linear function of
 * the activation, so its monotonicity is measured, not proved.
 */
class TopKErrorOrderTest {
    private static final int[] PPM = {50_000, 100_000, 250_000, 500_000, 750_000, 1_000_000};

    @Test
    void elementErrorIsNonIncreasingInTheKeptFraction() throws Exception {
        Random random = new Random(7);
        int rows = 64;
        int width = 384;
        float[] data = new float[rows * width];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian() * (i % width == 17 ? 60 : 1);
        }
        Tensor tensor = Tensor.of(data, 1, rows, width);
        float[][] decoded = new float[PPM.length][];
        for (int k = 0; k < PPM.length; k++) {
            byte[] frame =
                    new FrameEncoder().encode(tensor, CodecSpec.topK(PPM[k]), 0).bytes();
            decoded[k] = new FrameDecoder().decode(frame).tensor().data();
        }
        for (int r = 0; r < rows; r++) {
            float max = 0;
            for (int c = 0; c < width; c++) {
                max = Math.max(max, Math.abs(data[r * width + c]));
            }
            double tolerance = Math.scalb(max / 127.0, -14);
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                for (int k = 1; k < PPM.length; k++) {
                    double coarse = Math.abs(data[i] - decoded[k - 1][i]);
                    double fine = Math.abs(data[i] - decoded[k][i]);
                    assertTrue(
                            fine <= coarse + tolerance,
                            "row " + r + " column " + c + ": p = " + PPM[k] + " ppm error " + fine + " > " + coarse);
                }
            }
        }
    }
}
