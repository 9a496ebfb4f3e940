package io.satc.runtime.transport;

/** What {@link LinkInbox#receive()} hands over: the next message, or the sender's clean end. */
public sealed interface Delivery permits Delivery.Message, Delivery.EndOfStream {

    /**
     * One message, in the order sent.
     *
     * @param sequence     its position in the stream, 0, 1, 2, …
     * @param microBatchId the id the sender gave it
     * @param payload      the bytes sent, exactly (owned by the receiver from now on)
     */
    record Message(long sequence, long microBatchId, byte[] payload) implements Delivery {

        @Override
        public String toString() {
            return "Message[sequence " + sequence + ", micro-batch " + microBatchId + ", " + payload.length + " bytes]";
        }
    }

    /**
     * The sender called {@link FrameSender#finish()} and every message it sent has been handed
     * over; every later {@code receive} returns this again.
     *
     * @param messages how many messages the stream carried
     */
    record EndOfStream(long messages) implements Delivery {}
}
