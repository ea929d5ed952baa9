package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

/**
 * The device thread outlives the runs on it (its OpenMP team and reused buffers stay warm for the next run) and ends
 * with the daemon's actor system.
 */
class DeviceThreadLifetimeTest {

    /** Longer than Pekko's default wait (1 s) before it ends a dispatcher no actor lives on. */
    private static final long IDLE_MS = 2_500;

    @Test
    void theDeviceThreadStaysBetweenRunsAndEndsWithTheActorSystem() throws Exception {
        ActorTestKit kit = TestKits.create();
        kit.spawn(Behaviors.setup(context -> {
            TensorWork.keepDeviceThread(context);
            return Behaviors.empty();
        }), "daemon");
        ActorRef<String> batch = kit.spawn(idle(), "batch", TensorWork.dispatcher());
        Thread first = deviceThread(kit);
        kit.stop(batch);
        Thread.sleep(IDLE_MS);
        kit.spawn(idle(), "next-run-batch", TensorWork.dispatcher());
        assertThat(deviceThread(kit)).isSameAs(first);
        kit.shutdownTestKit();
        first.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(first.isAlive()).as("device thread after the actor system terminated").isFalse();
    }

    private static Thread deviceThread(ActorTestKit kit) throws Exception {
        return CompletableFuture.supplyAsync(Thread::currentThread, TensorWork.executor(kit.system())).get(30, TimeUnit.SECONDS);
    }

    private static Behavior<String> idle() {
        return Behaviors.receiveMessage(message -> Behaviors.same());
    }
}
