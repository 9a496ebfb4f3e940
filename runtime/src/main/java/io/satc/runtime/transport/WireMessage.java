package io.satc.runtime.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One message of the link protocol in either direction (layout in {@code docs/transport.md}):
 * a 24-byte little-endian header, then {@code payload}.
 *
 * <p>The payload array is shared, not copied: frames are megabytes and each is handed to the
 * transport once.
 *
 * @param kind         what the message means
 * @param sequence     DATA: 0, 1, 2, … per stream; END: how many DATA messages were sent;
 *                     CREDIT: how many DATA messages the sender may have sent in all; OPEN: 0
 * @param microBatchId DATA: the sender's micro-batch id, carried unchanged; CREDIT: the largest
 *                     payload the receiver accepts, so a sender refuses a larger one itself
 *                     instead of having the stream reset; otherwise 0
 * @param payload      DATA: opaque bytes; OPEN: the link name in UTF-8; otherwise empty
 */
record WireMessage(Kind kind, long sequence, long microBatchId, byte[] payload) {

    /** Protocol version; a receiver rejects any other. */
    static final byte VERSION = 1;

    static final int HEADER_BYTES = 24;
    private static final byte[] EMPTY = new byte[0];

    /** Message kinds with their wire codes. */
    enum Kind {
        OPEN(1),
        DATA(2),
        END(3),
        CREDIT(4);

        final byte code;

        Kind(int code) {
            this.code = (byte) code;
        }

        /** The kind with wire code {@code code}, or null when there is none. */
        static Kind of(byte code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    static WireMessage open(String link) {
        return new WireMessage(Kind.OPEN, 0, 0, link.getBytes(StandardCharsets.UTF_8));
    }

    static WireMessage data(long sequence, long microBatchId, byte[] payload) {
        return new WireMessage(Kind.DATA, sequence, microBatchId, payload);
    }

    static WireMessage end(long messages) {
        return new WireMessage(Kind.END, messages, 0, EMPTY);
    }

    static WireMessage credit(long granted, int maxPayloadBytes) {
        return new WireMessage(Kind.CREDIT, granted, maxPayloadBytes, EMPTY);
    }

    /** The link name an OPEN message carries. */
    String linkName() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The header as written on the wire. */
    byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(VERSION)
                .put(kind.code)
                .putShort((short) 0)
                .putLong(sequence)
                .putLong(microBatchId)
                .putInt(payload.length);
        return b.array();
    }

    @Override
    public String toString() {
        return kind + "[sequence " + sequence + ", micro-batch " + microBatchId + ", " + payload.length + " bytes]";
    }
}
