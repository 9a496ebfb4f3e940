package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Drainable;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireMarshallerTest {

    private static byte[] wire(WireMessage m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((Drainable) WireMarshaller.INSTANCE.stream(m)).drainTo(out);
        return out.toByteArray();
    }

    @Test
    void everyKindRoundTrips() throws IOException {
        for (WireMessage m : List.of(
                WireMessage.open("leo-b→leo-c", 7),
                WireMessage.data(5, -1, Loopback.bytes(1, 1000)),
                WireMessage.data(0, Long.MAX_VALUE, new byte[0]),
                WireMessage.end(17),
                WireMessage.credit(9, 1 << 26, 3, 5),
                WireMessage.abort("why"),
                WireMessage.heartbeat(4))) {
            WireMessage back = WireMarshaller.INSTANCE.parse(new ByteArrayInputStream(wire(m)));
            assertEquals(m.kind(), back.kind());
            assertEquals(m.sequence(), back.sequence());
            assertEquals(m.microBatchId(), back.microBatchId());
            assertArrayEquals(m.payload(), back.payload());
        }
    }

    /** The layout docs/transport.md gives: version, kind, reserved, sequence, micro-batch, length, CRC32C. */
    @Test
    void theHeaderIsLittleEndian() throws IOException {
        byte[] bytes = wire(WireMessage.data(0x0102, 0x0A0B, new byte[] {(byte) 0xEE}));
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, 24);
        crc.update(bytes, 28, 1);
        byte[] expected = {
            2, 2, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0x0B, 0x0A, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, (byte) 0xEE
        };
        java.nio.ByteBuffer.wrap(expected, 24, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue());
        assertArrayEquals(expected, bytes);
        InputStream stream = WireMarshaller.INSTANCE.stream(WireMessage.data(0x0102, 0x0A0B, new byte[] {(byte) 0xEE}));
        assertEquals(29, stream.available());
        assertArrayEquals(bytes, stream.readAllBytes(), "read() and drainTo() give the same bytes");
    }

    @Test
    void wellFormedMessagesOfAnotherProtocolAreInvalidArguments() throws IOException {
        byte[] good = wire(WireMessage.data(1, 2, new byte[] {1, 2, 3}));
        assertStatus(
                Status.Code.INVALID_ARGUMENT,
                "Link protocol version 1 is not supported; this node speaks version 2.",
                resealed(with(good, 0, 1)));
        assertStatus(Status.Code.INVALID_ARGUMENT, "Unknown link message kind 9.", resealed(with(good, 1, 9)));
        assertStatus(
                Status.Code.INVALID_ARGUMENT,
                "Reserved link message bytes are 1; they must be 0.",
                resealed(with(good, 2, 1)));
    }

    /** Bytes changed or lost on the way are data loss, which a sender answers by resending. */
    @Test
    void damagedMessagesAreDataLoss() throws IOException {
        byte[] good = wire(WireMessage.data(1, 2, new byte[] {1, 2, 3}));
        assertStatus(
                Status.Code.DATA_LOSS,
                "A link message has 10 bytes, fewer than the 28 of its header.",
                Arrays.copyOf(good, 10));
        assertStatus(
                Status.Code.DATA_LOSS,
                "A link message is truncated: its header claims 3 payload bytes, but 2 follow.",
                Arrays.copyOf(good, good.length - 1));
        assertStatus(
                Status.Code.DATA_LOSS,
                "A link message has bytes after its 3-byte payload.",
                Arrays.copyOf(good, good.length + 1));
        for (int at = 0; at < good.length; at++) {
            if (at >= 20 && at < 24) {
                continue; // the length: a truncation or extension, above
            }
            byte[] flipped = good.clone();
            flipped[at] ^= 0x10;
            assertStatus(
                    Status.Code.DATA_LOSS,
                    "A link message of 3 payload bytes fails its CRC32C; it was changed on the way.",
                    flipped);
        }
    }

    private static byte[] with(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    /** The bytes with their CRC32C recomputed, as a peer of another protocol would write them. */
    private static byte[] resealed(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, 24);
        crc.update(bytes, 28, bytes.length - 28);
        java.nio.ByteBuffer.wrap(bytes, 24, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue());
        return bytes;
    }

    private static void assertStatus(Status.Code code, String message, byte[] bytes) {
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class, () -> WireMarshaller.INSTANCE.parse(new ByteArrayInputStream(bytes)));
        assertEquals(code, e.getStatus().getCode());
        assertEquals(message, e.getStatus().getDescription());
    }
}
