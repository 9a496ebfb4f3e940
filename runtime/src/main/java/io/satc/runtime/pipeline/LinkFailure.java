package io.satc.runtime.pipeline;

/** A network link of a distributed run broke or misbehaved; the message names the link and the peer. */
final class LinkFailure extends Exception {

    private static final long serialVersionUID = 1L;

    LinkFailure(String message, Throwable cause) {
        super(message, cause);
    }

    LinkFailure(String message) {
        super(message);
    }
}
