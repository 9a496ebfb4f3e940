package io.satc.runtime.inference;

/** An input file or value that cannot feed the bundle; the message is one sentence naming it. */
public final class InputException extends Exception {

    public InputException(String message) {
        super(message);
    }
}
