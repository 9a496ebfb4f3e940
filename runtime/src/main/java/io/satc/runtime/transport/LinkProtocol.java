package io.satc.runtime.transport;

import io.grpc.MethodDescriptor;

/**
 * The one gRPC method that carries a link: a bidirectional stream whose requests are OPEN, DATA…
 * and END messages and whose responses are CREDIT messages (see {@code docs/transport.md}).
 */
final class LinkProtocol {

    static final String SERVICE = "satc.transport.v1.LinkTransport";

    static final MethodDescriptor<WireMessage, WireMessage> STREAM =
            MethodDescriptor.<WireMessage, WireMessage>newBuilder()
                    .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Stream"))
                    .setRequestMarshaller(WireMarshaller.INSTANCE)
                    .setResponseMarshaller(WireMarshaller.INSTANCE)
                    .build();

    private LinkProtocol() {}
}
