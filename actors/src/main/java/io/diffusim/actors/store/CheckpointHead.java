package io.diffusim.actors.store;

/**
 * Which of a batch's two checkpoint slots holds its latest complete checkpoint, in how many chunks of how many
 * bytes in all, and the checkpoint's step. Written only after every chunk it points at.
 *
 * <pre>int magic "DFCH" | short version | byte slot | int chunks | int bytes | int step</pre>
 */
record CheckpointHead(int slot, int chunks, int bytes, int step) {

    static final int BYTES = ValueWriter.headerBytes() + 1 + 3 * Integer.BYTES;

    private static final int MAGIC = 0x44464348;
    private static final short VERSION = 1;

    byte[] encode() {
        return new ValueWriter(BYTES).header(MAGIC, VERSION).putByte((byte) slot).putInt(chunks).putInt(bytes)
                .putInt(step).bytes();
    }

    /** @param what names the checkpoint in errors */
    static CheckpointHead decode(byte[] value, String what) {
        ValueReader r = new ValueReader(value, what + " (head)");
        r.expectHeader(MAGIC, VERSION);
        int slot = r.readByte("slot");
        int chunks = r.readInt("chunks");
        int bytes = r.readInt("bytes");
        int step = r.readInt("step");
        r.expectEnd();
        if (slot != 0 && slot != 1) {
            throw r.corrupt("slot " + slot);
        }
        if (chunks < 1 || bytes < 0) {
            throw r.corrupt(chunks + " chunks of " + bytes + " bytes");
        }
        return new CheckpointHead(slot, chunks, bytes, step);
    }
}
