/**
 * The network transport between stage processes: each link of a pipeline is one gRPC stream
 * from a {@link io.satc.runtime.transport.FrameSender} to the
 * {@link io.satc.runtime.transport.LinkInbox} of the receiving node's
 * {@link io.satc.runtime.transport.FrameServer}, carrying opaque payloads (encoded activation
 * frames) tagged with their micro-batch id, in order, with credit-based back-pressure and an
 * explicit end of stream. Wire protocol, failures and timeouts: {@code docs/transport.md}.
 *
 * <p>Depends on the JDK and gRPC only; nothing here knows the pipeline or the frame format.
 */
package io.satc.runtime.transport;
