package io.diffusim.actors.runtime;

import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.SamplerStates;
import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.Evaluation;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Owns one batch of a run's particles as its {@link SamplerState} (docs/architecture.md §3), one sampler step per
 * message: it asks its model replica for each evaluation the step needs, applies the sampler update on the reply,
 * reports the whole step to its supervisor (with a checkpoint every {@code checkpoint-every} steps and at its last
 * step), and sends itself the next step unless paused. EqM's per-particle stopping lives in the sampler state; a
 * batch whose particles stop being finite reports it with the step and particle instead of stepping on.
 */
public final class ParticleBatch extends AbstractBehavior<ParticleBatch.Command> {

    public sealed interface Command {
    }

    /** Finish the step in progress, then wait. */
    public record Pause() implements Command {
    }

    public record Resume() implements Command {
    }

    private record Step() implements Command {
    }

    private record Replied(ModelReplica.Reply reply) implements Command {
    }

    /**
     * What a batch is made of.
     *
     * @param resumeFrom the checkpoint to continue from, or null to start at x_T
     */
    public record Setup(int batch, long[] particles, Checkpoint resumeFrom, Sampler sampler, NoiseSource noise,
            ActorRef<ModelReplica.Command> replica, ActorRef<RunSupervisor.Command> supervisor, int recordEvery,
            int checkpointEvery, boolean paused) {
    }

    private final Setup setup;
    private final ActorRef<ModelReplica.Reply> replies;
    private SamplerState state;
    private SamplerState before;
    private EvalRequest pending;
    private List<Evaluation> evaluations = new ArrayList<>();
    private boolean paused;
    private boolean inStep;
    private boolean ended;

    private ParticleBatch(ActorContext<Command> context, Setup setup) {
        super(context);
        this.setup = setup;
        this.paused = setup.paused();
        this.replies = context.messageAdapter(ModelReplica.Reply.class, Replied::new);
        try {
            this.state = setup.resumeFrom() == null ? setup.sampler().start(setup.particles(), setup.noise())
                    : SamplerStates.restore(setup.resumeFrom());
        } catch (RuntimeException e) {
            fail("batch " + setup.batch() + " could not start: " + e.getMessage());
            return;
        }
        if (setup.sampler().finished(state)) {
            end();
        } else if (!paused) {
            context.getSelf().tell(new Step());
        }
    }

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(context -> new ParticleBatch(context, setup));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Step.class, this::onStep)
                .onMessage(Replied.class, this::onReplied)
                .onMessage(Pause.class, this::onPause)
                .onMessage(Resume.class, this::onResume)
                .build();
    }

    private Behavior<Command> onStep(Step step) {
        if (inStep || paused || ended) {
            return this;
        }
        inStep = true;
        before = state;
        evaluations = new ArrayList<>(2);
        try {
            askReplica();
        } catch (RuntimeException e) {
            return fail("batch " + setup.batch() + " failed at step " + before.step() + ": " + e);
        }
        return this;
    }

    private Behavior<Command> onReplied(Replied replied) {
        if (replied.reply() instanceof ModelReplica.EvaluationFailed failed) {
            return fail(failed.error());
        }
        try {
            ModelReplica.Evaluated evaluated = (ModelReplica.Evaluated) replied.reply();
            evaluations.add(new Evaluation(pending, evaluated.prediction()));
            state = setup.sampler().accept(state, evaluated.prediction(), setup.noise());
            if (!setup.sampler().finished(state) && state.step() == before.step()) {
                askReplica();
                return this;
            }
            completeStep();
        } catch (RuntimeException e) {
            return fail("batch " + setup.batch() + " failed at step " + before.step() + ": " + e);
        }
        return this;
    }

    private Behavior<Command> onPause(Pause pause) {
        paused = true;
        return this;
    }

    private Behavior<Command> onResume(Resume resume) {
        paused = false;
        if (!inStep && !ended) {
            getContext().getSelf().tell(new Step());
        }
        return this;
    }

    private void askReplica() {
        pending = setup.sampler().nextEvaluation(state);
        setup.replica().tell(new ModelReplica.Evaluate(pending, replies));
    }

    private void completeStep() {
        inStep = false;
        int k = before.step();
        Optional<String> divergence = Divergence.of(state, k);
        if (divergence.isPresent()) {
            fail(divergence.get());
            return;
        }
        Sampler sampler = setup.sampler();
        boolean finished = sampler.finished(state);
        boolean record = k % setup.recordEvery() == 0 || k == sampler.steps() - 1;
        Checkpoint checkpoint = finished || (k + 1) % setup.checkpointEvery() == 0 ? SamplerStates.of(state) : null;
        setup.supervisor().tell(new RunSupervisor.BatchStepped(
                new BatchStep(setup.batch(), k, sampler.time(before), before, state, evaluations, record), checkpoint));
        before = null;
        pending = null;
        if (finished) {
            end();
        } else if (!paused) {
            getContext().getSelf().tell(new Step());
        }
    }

    private void end() {
        ended = true;
        setup.supervisor().tell(new RunSupervisor.BatchDone(setup.batch(), state));
    }

    private Behavior<Command> fail(String error) {
        ended = true;
        inStep = false;
        setup.supervisor().tell(new RunSupervisor.BatchFailed(setup.batch(), error));
        return this;
    }
}
