package io.diffusim.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Particles processed by a benchmark, which JMH reports as a secondary throughput ("particles", ops/s =
 * particle-steps per second, docs/architecture.md §6); a counter rather than {@code @OperationsPerInvocation} because
 * that annotation cannot take the batch size from a {@code @Param}.
 *
 * <p>Not final and with a public field: JMH subclasses state classes and reads the counter field directly.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ParticleCounter {

    /** Particles evaluated or stepped in the current iteration. */
    public long particles;

    @Setup(Level.Iteration)
    public void reset() {
        particles = 0;
    }
}
