package io.diffusim.actors.cli;

/** Process exit codes of docs/user-guide.md's command table. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int DAEMON_UNREACHABLE = 3;
    /** A daemon is there but did not answer in time; what was asked may have been done. */
    public static final int DAEMON_NOT_ANSWERING = 4;

    private ExitCode() {
    }
}
