package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RunStatusTextTest {

    @Test
    void aRunningRunShowsItsPaceAndAnEndedOneWhyItEnded() {
        assertThat(RunStatusText.line(new RunStatus("r", "running", 12, 100, null, 25, 3.52)))
                .isEqualTo("r  running  step 12/100  25 steps/s, 4 s left");
        assertThat(RunStatusText.line(new RunStatus("r", "running", 0, 100, null))).isEqualTo("r  running  step 0/100");
        assertThat(RunStatusText.line(new RunStatus("r", "stopped", 40, 100, null)))
                .isEqualTo("r  stopped  step 40/100  stopped on request at step 40 of 100");
        assertThat(RunStatusText.line(new RunStatus("r", "failed", 7, 100, "the run diverged at step 7")))
                .isEqualTo("r  failed  step 7/100  the run diverged at step 7");
    }

    @Test
    void theJsonObjectWritesUnknownPaceAsNull() {
        assertThat(RunStatusText.json(new RunStatus("r", "stopped", 40, 100, null))).isEqualTo("{\"id\":\"r\","
                + "\"state\":\"stopped\",\"step\":40,\"steps\":100,\"error\":null,\"reason\":\"stopped on request at"
                + " step 40 of 100\",\"stepsPerSecond\":null,\"secondsLeft\":null}");
        assertThat(RunStatusText.json(new RunStatus("r", "running", 12, 100, null, 2.5, Double.NaN)))
                .contains("\"stepsPerSecond\":2.5,\"secondsLeft\":null");
    }

    @Test
    void onlyAFailedRunPrintsItsErrorWithTheExitCode() {
        StringWriter err = new StringWriter();
        assertThat(RunStatusText.exitCode(new RunStatus("r", "stopped", 40, 100, null), new PrintWriter(err)))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).isEqualTo("diffusim: run r stopped at step 40/100" + System.lineSeparator());
        assertThat(RunStatusText.exitCode(new RunStatus("r", "done", 100, 100, null), new PrintWriter(new StringWriter())))
                .isEqualTo(ExitCode.OK);
    }
}
