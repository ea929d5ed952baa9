package io.diffusim.actors.runtime;

/**
 * When this daemon took up a run and started its sampling, for summary.json's timing: a resumed run counts from
 * its resume, and its particle-steps from the resume step.
 */
final class RunTiming {

    private final long startNs = System.nanoTime();
    private volatile long samplingStartNs = startNs;
    private volatile int firstStep;

    void samplingStarted(int resumeStep) {
        samplingStartNs = System.nanoTime();
        firstStep = resumeStep;
    }

    double wallSeconds(long nowNs) {
        return (nowNs - startNs) * 1e-9;
    }

    double samplingSeconds(long nowNs) {
        return (nowNs - samplingStartNs) * 1e-9;
    }

    /** Steps this daemon took of a run that ended after {@code finalStep} steps. */
    int stepsTaken(int finalStep) {
        return finalStep - firstStep;
    }
}
