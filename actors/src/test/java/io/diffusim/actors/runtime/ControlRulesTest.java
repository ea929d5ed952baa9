package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import org.junit.jupiter.api.Test;

class ControlRulesTest {

    private static RunStatus run(String state) {
        return new RunStatus("r", state, 3, 10, null);
    }

    @Test
    void aStoppingRunRefusesEveryActionSayingSo() {
        assertThat(ControlRules.refusal(Action.STOP, run(RunStates.STOPPING))).isEqualTo("run r is already stopping");
        assertThat(ControlRules.refusal(Action.PAUSE, run(RunStates.STOPPING))).isEqualTo("run r is stopping: nothing to pause");
        assertThat(ControlRules.refusal(Action.RESUME, run(RunStates.STOPPING))).isEqualTo("run r is stopping: nothing to resume");
    }

    @Test
    void aRunningOrPausedRunTakesTheActionsThatApply() {
        assertThat(ControlRules.refusal(Action.STOP, run(RunStates.RUNNING))).isNull();
        assertThat(ControlRules.refusal(Action.STOP, run(RunStates.PAUSED))).isNull();
        assertThat(ControlRules.refusal(Action.PAUSE, run(RunStates.RUNNING))).isNull();
        assertThat(ControlRules.refusal(Action.RESUME, run(RunStates.PAUSED))).isNull();
        assertThat(ControlRules.refusal(Action.RESUME, run(RunStates.RUNNING)))
                .isEqualTo("run r is not paused (it is running): nothing to resume");
        assertThat(ControlRules.refusal(Action.STOP, run(RunStates.DONE))).isEqualTo("run r already ended (done)");
    }
}
