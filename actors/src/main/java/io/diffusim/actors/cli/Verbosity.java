package io.diffusim.actors.cli;

/** The process-wide {@code --verbose} switch: stack traces on errors and library logs at INFO. */
final class Verbosity {
    private static volatile boolean verbose;

    private Verbosity() {
    }

    static void set(boolean on) {
        verbose = on;
        if (on) {
            System.setProperty("diffusim.log.level", "INFO");
            System.setProperty("diffusim.log.nd4j", "INFO");
        }
    }

    static boolean verbose() {
        return verbose;
    }
}
