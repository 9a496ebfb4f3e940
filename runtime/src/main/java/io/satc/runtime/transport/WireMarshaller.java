package io.satc.runtime.transport;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns {@link WireMessage}s into gRPC message bytes and back, without protobuf.
 *
 * <p>Writing hands gRPC a {@link Drainable} stream that writes the header and then the caller's
 * payload array straight into gRPC's buffers, so a frame is not copied into an intermediate
 * array; reading copies the payload once, into the array the receiver gets.
 */
final class WireMarshaller implements MethodDescriptor.Marshaller<WireMessage> {

    static final WireMarshaller INSTANCE = new WireMarshaller();

    private WireMarshaller() {}

    @Override
    public InputStream stream(WireMessage message) {
        return new MessageStream(message.header(), message.payload());
    }

    /**
     * Reads one message. Bytes changed or lost on the way (a length that does not match, a
     * checksum that fails) fail the call with {@code DATA_LOSS}, which the sender answers by
     * reconnecting and resending; well-formed messages of another program or protocol version fail
     * it with {@code INVALID_ARGUMENT}. Either way with a sentence saying what was wrong.
     */
    @Override
    public WireMessage parse(InputStream stream) {
        try {
            byte[] header = new byte[WireMessage.HEADER_BYTES];
            int headerRead = stream.readNBytes(header, 0, header.length);
            if (headerRead < header.length) {
                throw lost("A link message has " + headerRead + " bytes, fewer than the " + header.length
                        + " of its header.");
            }
            ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            byte version = b.get();
            byte code = b.get();
            short reserved = b.getShort();
            long sequence = b.getLong();
            long microBatchId = b.getLong();
            long length = Integer.toUnsignedLong(b.getInt());
            long crc = Integer.toUnsignedLong(b.getInt());
            // gRPC hands over a whole message of known length (already within the inbound limit),
            // so a lying header is caught here, before anything is allocated.
            if (length > Integer.MAX_VALUE - 8 || stream instanceof KnownLength && length != stream.available()) {
                throw lost("A link message's header claims " + length + " payload bytes, but " + stream.available()
                        + " follow.");
            }
            // One array of the final size, filled straight from gRPC's buffers: readNBytes(int)
            // would gather 8 KiB chunks and copy them again.
            byte[] payload = new byte[(int) length];
            int read = stream.readNBytes(payload, 0, payload.length);
            if (read != length) {
                throw lost("A link message is truncated: its header claims " + length + " payload bytes, but " + read
                        + " follow.");
            }
            if (stream.read() != -1) {
                throw lost("A link message has bytes after its " + length + "-byte payload.");
            }
            if (WireMessage.checksum(header, payload) != crc) {
                throw lost(
                        "A link message of " + length + " payload bytes fails its CRC32C; it was changed on the way.");
            }
            if (version != WireMessage.VERSION) {
                throw invalid("Link protocol version " + (version & 0xFF) + " is not supported; this node speaks "
                        + "version " + WireMessage.VERSION + ".");
            }
            WireMessage.Kind kind = WireMessage.Kind.of(code);
            if (kind == null) {
                throw invalid("Unknown link message kind " + (code & 0xFF) + ".");
            }
            if (reserved != 0) {
                throw invalid("Reserved link message bytes are " + reserved + "; they must be 0.");
            }
            return new WireMessage(kind, sequence, microBatchId, payload);
        } catch (IOException e) {
            throw Status.INTERNAL
                    .withDescription("Could not read a link message: " + e.getMessage())
                    .withCause(e)
                    .asRuntimeException();
        }
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    private static RuntimeException lost(String message) {
        return Status.DATA_LOSS.withDescription(message).asRuntimeException();
    }

    /** Header then payload, with a known length so gRPC sizes its frame without buffering. */
    private static final class MessageStream extends InputStream implements Drainable, KnownLength {

        private final ByteArrayInputStream header;
        private final ByteArrayInputStream payload;

        MessageStream(byte[] header, byte[] payload) {
            this.header = new ByteArrayInputStream(header);
            this.payload = new ByteArrayInputStream(payload);
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int n = available();
            header.transferTo(target);
            payload.transferTo(target);
            return n;
        }

        @Override
        public int available() {
            return header.available() + payload.available();
        }

        @Override
        public int read() {
            int c = header.read();
            return c != -1 ? c : payload.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = header.read(b, off, len);
            if (n > 0) {
                return n;
            }
            return payload.read(b, off, len);
        }
    }
}
