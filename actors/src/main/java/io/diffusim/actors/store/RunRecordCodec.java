package io.diffusim.actors.store;

/**
 * Binary form of a {@link RunRecord} (docs/architecture.md §4, run specs and status).
 *
 * <pre>
 * int magic "DFRR" | short version | string id | string spec | string state | int step | int steps
 * long submittedNs | int interruptions | byte hasError | [string error]   (string: int length, then UTF-8)
 * </pre>
 * Version 1 had no {@code interruptions}; it reads as 0.
 */
final class RunRecordCodec {

    private static final int MAGIC = 0x44465252;
    private static final short VERSION = 2;
    private static final short WITHOUT_INTERRUPTIONS = 1;

    private RunRecordCodec() {
    }

    static byte[] encode(RunRecord run) {
        long size = ValueWriter.headerBytes() + ValueWriter.stringBytes(run.id()) + ValueWriter.stringBytes(run.spec())
                + ValueWriter.stringBytes(run.state()) + Integer.BYTES * 3L + Long.BYTES + 1
                + (run.error() == null ? 0 : ValueWriter.stringBytes(run.error()));
        ValueWriter w = new ValueWriter(size).header(MAGIC, VERSION)
                .putString(run.id()).putString(run.spec()).putString(run.state())
                .putInt(run.step()).putInt(run.steps()).putLong(run.submittedNs()).putInt(run.interruptions())
                .putByte((byte) (run.error() == null ? 0 : 1));
        if (run.error() != null) {
            w.putString(run.error());
        }
        return w.bytes();
    }

    /** Reads a run record stored under {@code runId}, validating its structure and that it names the same run. */
    static RunRecord decode(String runId, byte[] bytes) {
        ValueReader r = new ValueReader(bytes, "run record of run " + runId);
        short version = r.expectHeader(MAGIC, WITHOUT_INTERRUPTIONS, VERSION);
        String id = r.readString("id");
        if (!id.equals(runId)) {
            throw r.corrupt("it names run " + id);
        }
        String spec = r.readString("spec");
        String state = r.readString("state");
        int step = r.readInt("step");
        int steps = r.readInt("steps");
        long submittedNs = r.readLong("submittedNs");
        int interruptions = version == WITHOUT_INTERRUPTIONS ? 0 : r.readInt("interruptions");
        if (interruptions < 0) {
            throw r.corrupt("interruptions " + interruptions);
        }
        byte hasError = r.readByte("error flag");
        if (hasError != 0 && hasError != 1) {
            throw r.corrupt("error flag " + hasError);
        }
        String error = hasError == 1 ? r.readString("error") : null;
        r.expectEnd();
        return new RunRecord(id, spec, state, step, steps, submittedNs, error, interruptions);
    }
}
