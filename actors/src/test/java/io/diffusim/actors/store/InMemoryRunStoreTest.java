package io.diffusim.actors.store;

/** The heap store meets the same contract as the Chronicle Map store. */
class InMemoryRunStoreTest extends RunStoreContract {

    @Override
    RunStore newStore() {
        return new InMemoryRunStore();
    }
}
