package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.store.RunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a daemon start does with the runs it finds: a run that keeps taking the daemon down is not resumed forever. */
class RunTableTest {

    private static RunRecord running(String id, int interruptions) {
        return new RunRecord(id, "run { }", RunStates.RUNNING, 40, 100, 1L, null, interruptions);
    }

    @Test
    void aRunningRunIsQueuedOnceAndFailedWhenTheDaemonStopsAgainBeforeItsNextCheckpoint() {
        RunTable table = new RunTable();
        List<RunRecord> changed = table.restore(List.of(running("first", 0), running("again", 1)));
        assertThat(changed).extracting(RunRecord::id, RunRecord::state, RunRecord::interruptions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", RunStates.QUEUED, 1),
                        org.assertj.core.groups.Tuple.tuple("again", RunStates.FAILED, 1));
        assertThat(table.get("again").error()).isEqualTo("the daemon stopped twice while this run was running, with no"
                + " checkpoint written in between (the last time after step 40); it is not resumed again");
    }
}
