package io.diffusim.model;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J workspace for the temporaries of one pass of a loop on the device path (docs/architecture.md §6): the first
 * pass learns how much it needs, every later pass reuses that block, and nothing is left for the garbage collector to
 * find. Without it, a loop over masks or squares makes fresh native arrays each pass, which ND4J frees only when a
 * collection finds them (PSPC-Square's tensor form peaked at 12.9 GB on Fashion-MNIST). Whatever must outlive a pass
 * is written into arrays made outside it.
 */
public final class ScratchWorkspace {

    private static final WorkspaceConfiguration PASS = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private ScratchWorkspace() {
    }

    /** Opens (or re-enters) this thread's workspace {@code name} for one pass; close it at the end of the pass. */
    public static MemoryWorkspace pass(String name) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(PASS, name);
    }
}
