package io.satc.runtime.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One message of the link protocol in either direction (layout in {@code docs/transport.md}):
 * a 28-byte little-endian header ending in a CRC32C of the header and payload, then
 * {@code payload}.
 *
 * <p>The payload array is shared, not copied: frames are megabytes and each is handed to the
 * transport once.
 *
 * @param kind         what the message means
 * @param sequence     DATA: 0, 1, 2, … per link, across reconnections; END: how many DATA
 *                     messages were sent; CREDIT: how many DATA messages the sender may have sent
 *                     in all; OPEN: the sender's session id, the same on every reconnection; HEARTBEAT:
 *                     the number of heartbeats sent; otherwise 0
 * @param microBatchId DATA: the sender's micro-batch id, carried unchanged; CREDIT: the largest
 *                     payload the receiver accepts, so a sender refuses a larger one itself
 *                     instead of having the stream reset; otherwise 0
 * @param payload      DATA: opaque bytes; OPEN: the link name in UTF-8; CREDIT: the messages the
 *                     consumer has taken and the messages the receiver holds (two i64); ABORT: why,
 *                     in UTF-8; otherwise empty
 */
record WireMessage(Kind kind, long sequence, long microBatchId, byte[] payload) {

    /** Protocol version; a receiver rejects any other. */
    static final byte VERSION = 2;

    static final int HEADER_BYTES = 28;
    private static final byte[] EMPTY = new byte[0];

    /** Message kinds with their wire codes. */
    enum Kind {
        OPEN(1),
        DATA(2),
        END(3),
        CREDIT(4),
        ABORT(5),
        HEARTBEAT(6);

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

    static WireMessage open(String link, long session) {
        return new WireMessage(Kind.OPEN, session, 0, link.getBytes(StandardCharsets.UTF_8));
    }

    static WireMessage data(long sequence, long microBatchId, byte[] payload) {
        return new WireMessage(Kind.DATA, sequence, microBatchId, payload);
    }

    static WireMessage end(long messages) {
        return new WireMessage(Kind.END, messages, 0, EMPTY);
    }

    static WireMessage credit(long granted, int maxPayloadBytes, long taken, long received) {
        return new WireMessage(
                Kind.CREDIT,
                granted,
                maxPayloadBytes,
                ByteBuffer.allocate(16)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(taken)
                        .putLong(received)
                        .array());
    }

    static WireMessage abort(String why) {
        return new WireMessage(Kind.ABORT, 0, 0, why.getBytes(StandardCharsets.UTF_8));
    }

    static WireMessage heartbeat(long count) {
        return new WireMessage(Kind.HEARTBEAT, count, 0, EMPTY);
    }

    /** CREDIT: the messages the receiver's consumer has taken; the sender may forget those. */
    long taken() {
        return payload.length == 16
                ? ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getLong(0)
                : 0;
    }

    /** CREDIT: the messages the receiver holds; after a reconnection the sender resends from there. */
    long received() {
        return payload.length == 16
                ? ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getLong(8)
                : 0;
    }

    /** ABORT: the reason. */
    String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The link name an OPEN message carries. */
    String linkName() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The header as written on the wire, its CRC32C over its first 24 bytes and the payload. */
    byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(VERSION)
                .put(kind.code)
                .putShort((short) 0)
                .putLong(sequence)
                .putLong(microBatchId)
                .putInt(payload.length);
        b.putInt((int) checksum(b.array(), payload));
        return b.array();
    }

    /** CRC32C of the header's first 24 bytes and the payload. */
    static long checksum(byte[] header, byte[] payload) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(header, 0, HEADER_BYTES - 4);
        crc.update(payload, 0, payload.length);
        return crc.getValue();
    }

    @Override
    public String toString() {
        return kind + "[sequence " + sequence + ", micro-batch " + microBatchId + ", " + payload.length + " bytes]";
    }
}
