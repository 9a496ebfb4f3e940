package io.satc.compiler.lower;

/** Whether a node flies or stands on the ground; only the last stage of a plan may be on the ground. */
public enum NodeKind {
    SATELLITE,
    GROUND
}
