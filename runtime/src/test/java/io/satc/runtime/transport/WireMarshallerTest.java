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
                WireMessage.open("leo-b→leo-c"),
                WireMessage.data(5, -1, Loopback.bytes(1, 1000)),
                WireMessage.data(0, Long.MAX_VALUE, new byte[0]),
                WireMessage.end(17),
                WireMessage.credit(9, 1 << 26))) {
            WireMessage back = WireMarshaller.INSTANCE.parse(new ByteArrayInputStream(wire(m)));
            assertEquals(m.kind(), back.kind());
            assertEquals(m.sequence(), back.sequence());
            assertEquals(m.microBatchId(), back.microBatchId());
            assertArrayEquals(m.payload(), back.payload());
        }
    }

    /** The layout docs/transport.md gives: version, kind, reserved, sequence, micro-batch, length. */
    @Test
    void theHeaderIsLittleEndian() throws IOException {
        byte[] bytes = wire(WireMessage.data(0x0102, 0x0A0B, new byte[] {(byte) 0xEE}));
        assertArrayEquals(
                new byte[] {1, 2, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0x0B, 0x0A, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, (byte) 0xEE},
                bytes);
        InputStream stream = WireMarshaller.INSTANCE.stream(WireMessage.data(0x0102, 0x0A0B, new byte[] {(byte) 0xEE}));
        assertEquals(25, stream.available());
        assertArrayEquals(bytes, stream.readAllBytes(), "read() and drainTo() give the same bytes");
    }

    @Test
    void malformedMessagesAreInvalidArguments() throws IOException {
        byte[] good = wire(WireMessage.data(1, 2, new byte[] {1, 2, 3}));
        assertInvalid("Link protocol version 2 is not supported; this node speaks version 1.", with(good, 0, 2));
        assertInvalid("Unknown link message kind 9.", with(good, 1, 9));
        assertInvalid("Reserved link message bytes are 1; they must be 0.", with(good, 2, 1));
        assertInvalid("A link message has 10 bytes, fewer than the 24 of its header.", Arrays.copyOf(good, 10));
        assertInvalid(
                "A link message is truncated: its header claims 3 payload bytes, but 2 follow.",
                Arrays.copyOf(good, good.length - 1));
        assertInvalid("A link message has bytes after its 3-byte payload.", Arrays.copyOf(good, good.length + 1));
    }

    private static byte[] with(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static void assertInvalid(String message, byte[] bytes) {
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class, () -> WireMarshaller.INSTANCE.parse(new ByteArrayInputStream(bytes)));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(message, e.getStatus().getDescription());
    }
}
