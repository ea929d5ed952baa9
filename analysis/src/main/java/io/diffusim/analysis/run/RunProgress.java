package io.diffusim.analysis.run;

/** Progress of a run as it goes: steps done of steps, and the metric records as they are made. */
public interface RunProgress extends MetricSink {

    RunProgress NONE = new RunProgress() {
        @Override
        public void onStep(int stepsDone, int steps, double elapsedSeconds, StepRate rate) {
        }

        @Override
        public void put(String analysis, String metric, long step, double t, double value) {
        }
    };

    /** {@code rate} is the run's pace so far; read it, do not keep it. */
    void onStep(int stepsDone, int steps, double elapsedSeconds, StepRate rate);
}
