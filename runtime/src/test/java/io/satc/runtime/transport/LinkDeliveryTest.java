package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.DecodedFrame;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class LinkDeliveryTest {

    /** Sends on another thread, so the sender blocks on the window while this one receives. */
    private static CompletableFuture<Void> sendAll(FrameSender sender, int count, PayloadSource payloads) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    sender.send(1_000 + i, payloads.payload(i));
                }
                sender.finish();
            } catch (TransportException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private interface PayloadSource {
        byte[] payload(int i);
    }

    private static void awaitSent(CompletableFuture<Void> sending) throws Exception {
        try {
            sending.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the sender failed", e.getCause());
        }
    }

    @Test
    void deliversManyMessagesInOrderByteForByte() throws Exception {
        int count = 2_000;
        SplittableRandom sizes = new SplittableRandom(7);
        int[] size = new int[count];
        for (int i = 0; i < count; i++) {
            size[i] = i % 100 == 0 ? 0 : sizes.nextInt(40_000);
        }
        TransportOptions options = Loopback.options();
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            LinkInbox inbox = server.inbox(Loopback.LINK);
            CompletableFuture<Void> sending = sendAll(sender, count, i -> Loopback.bytes(i, size[i]));
            for (int i = 0; i < count; i++) {
                Delivery.Message m = assertInstanceOf(Delivery.Message.class, inbox.receive());
                assertEquals(i, m.sequence());
                assertEquals(1_000 + i, m.microBatchId());
                assertArrayEquals(Loopback.bytes(i, size[i]), m.payload(), "payload of message " + i);
            }
            assertEquals(new Delivery.EndOfStream(count), inbox.receive());
            awaitSent(sending);
        }
    }

    /** A real [8, 128, 384] fp32 activation frame (1.5 MB) and a 20 MB payload arrive intact. */
    @ParameterizedTest
    @ValueSource(ints = {0, 20_000_000})
    void carriesLargePayloads(int rawBytes) throws Exception {
        float[] data = new float[8 * 128 * 384];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-4, 4);
        }
        Tensor tensor = new Tensor(new int[] {8, 128, 384}, data);
        FrameEncoder encoder = new FrameEncoder();
        PayloadSource payloads = rawBytes == 0 ? i -> encode(encoder, tensor, i) : i -> Loopback.bytes(i, rawBytes);
        TransportOptions options = Loopback.options();
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            LinkInbox inbox = server.inbox(Loopback.LINK);
            CompletableFuture<Void> sending = sendAll(sender, 4, payloads);
            for (int i = 0; i < 4; i++) {
                Delivery.Message m = assertInstanceOf(Delivery.Message.class, inbox.receive());
                if (rawBytes == 0) {
                    assertEquals(1_572_908, m.payload().length);
                    DecodedFrame frame = new FrameDecoder().decode(m.payload());
                    assertEquals(1_000 + i, frame.microBatchId());
                    assertEquals(tensor, frame.tensor());
                } else {
                    assertArrayEquals(Loopback.bytes(i, rawBytes), m.payload());
                }
            }
            assertEquals(new Delivery.EndOfStream(4), inbox.receive());
            awaitSent(sending);
        }
    }

    private static byte[] encode(FrameEncoder encoder, Tensor tensor, int i) {
        try {
            return encoder.encode(tensor, CodecSpec.NONE, 1_000 + i).bytes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void finishIsAcknowledgedAndTheInboxEndsCleanly() throws Exception {
        TransportOptions options = Loopback.options();
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            LinkInbox inbox = server.inbox(Loopback.LINK);
            sender.send(7, new byte[] {1, 2, 3});
            sender.send(8, new byte[0]);
            // Returns only once the receiver holds both messages, consumed or not.
            sender.finish();
            assertEquals(2, inbox.buffered());
            assertArrayEquals(new byte[] {1, 2, 3}, ((Delivery.Message) inbox.receive()).payload());
            assertEquals(0, ((Delivery.Message) inbox.receive()).payload().length);
            assertEquals(new Delivery.EndOfStream(2), inbox.receive());
            assertEquals(new Delivery.EndOfStream(2), inbox.receive(), "the end repeats");
            assertThrows(IllegalStateException.class, () -> sender.send(9, new byte[1]));
        }
    }

    @Test
    void anEmptyStreamEndsCleanly() throws Exception {
        TransportOptions options = Loopback.options();
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            sender.finish();
            assertEquals(
                    new Delivery.EndOfStream(0), server.inbox(Loopback.LINK).receive());
        }
    }

    @Test
    void aPayloadOverTheLimitIsRefusedBeforeSendingAndTheStreamGoesOn() throws Exception {
        TransportOptions options = Loopback.options().withMaxMessageBytes(1 << 20);
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            TransportException e =
                    assertThrows(TransportException.class, () -> sender.send(4, new byte[(1 << 20) + 1]));
            assertEquals(TransportException.Reason.REJECTED, e.reason());
            assertEquals(
                    "Micro-batch 4 is 1048577 bytes, more than the 1048576 a message on link `leo-b→leo-c` to "
                            + "leo-c at 127.0.0.1:" + server.port() + " may carry.",
                    e.getMessage());
            sender.send(5, new byte[1 << 20]);
            sender.finish();
            LinkInbox inbox = server.inbox(Loopback.LINK);
            assertEquals(5, ((Delivery.Message) inbox.receive()).microBatchId());
            assertEquals(new Delivery.EndOfStream(1), inbox.receive());
        }
    }

    @Test
    void aSenderHonoursTheReceiversSmallerLimit() throws Exception {
        try (FrameServer server = Loopback.server(Loopback.options().withMaxMessageBytes(1 << 20));
                FrameSender sender = Loopback.connect(server, Loopback.options())) {
            TransportException e = assertThrows(TransportException.class, () -> sender.send(0, new byte[2 << 20]));
            assertEquals(TransportException.Reason.REJECTED, e.reason());
            assertEquals(
                    "Micro-batch 0 is 2097152 bytes, more than the 1048576 a message on link `leo-b→leo-c` to "
                            + "leo-c at 127.0.0.1:" + server.port() + " may carry (the receiver's limit).",
                    e.getMessage());
            sender.send(1, new byte[1 << 20]);
            sender.finish();
            assertEquals(1, ((Delivery.Message) server.inbox(Loopback.LINK).receive()).microBatchId());
        }
    }
}
