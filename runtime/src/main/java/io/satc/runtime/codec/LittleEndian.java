package io.satc.runtime.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian views of byte arrays; the JIT compiles these to plain (unaligned) moves. */
final class LittleEndian {

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    static short getShort(byte[] b, int offset) {
        return (short) SHORT.get(b, offset);
    }

    static void putShort(byte[] b, int offset, short v) {
        SHORT.set(b, offset, v);
    }

    static int getInt(byte[] b, int offset) {
        return (int) INT.get(b, offset);
    }

    static void putInt(byte[] b, int offset, int v) {
        INT.set(b, offset, v);
    }

    static long getLong(byte[] b, int offset) {
        return (long) LONG.get(b, offset);
    }

    static void putLong(byte[] b, int offset, long v) {
        LONG.set(b, offset, v);
    }
}
