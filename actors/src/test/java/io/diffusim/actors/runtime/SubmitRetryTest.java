package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.Rejected;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import io.diffusim.actors.store.InMemoryRunStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A submission retried under its request id (the client did not hear the answer) gives the same run, not a second. */
class SubmitRetryTest {

    @TempDir
    Path dir;

    @Test
    void aRetryUnderTheSameRequestIdGivesTheRunTheFirstStarted() {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 2)) {
            String spec = RunSpecs.moons(3);
            String first = ((Submitted) daemon.submitReply(spec, "req-1")).runId();
            String retried = ((Submitted) daemon.submitReply(spec, "req-1")).runId();
            assertThat(retried).isEqualTo(first);
            String other = ((Submitted) daemon.submitReply(spec, "req-2")).runId();
            assertThat(other).isNotEqualTo(first);
            assertThat(daemon.list()).extracting(s -> s.id()).containsExactlyInAnyOrder(first, other);
            assertThat(((Rejected) daemon.submitReply(spec, "no spaces allowed")).errors())
                    .containsExactly("bad request id: expected 1-64 letters, digits or '-'");
        }
    }
}
