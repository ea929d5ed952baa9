package io.diffusim.actors.runtime;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Owns one denoiser and evaluates requests from many particle batches (docs/architecture.md §3): requests that arrive
 * while a pass runs are queued, and the next pass concatenates them (up to {@code max-eval-rows} rows) into one
 * evaluation, answering each requester with its slice; concatenating, evaluating and slicing are one task on the
 * device thread ({@link TensorWork}). A model whose rows are not
 * independent of each other ({@link ModelKey#rowIndependent()}) gets one request per pass.
 */
public final class ModelReplica extends AbstractBehavior<ModelReplica.Command> {

    public sealed interface Command {
    }

    /** Evaluate {@code request}; the request's arrays are lent until the reply. */
    public record Evaluate(EvalRequest request, ActorRef<Reply> replyTo) implements Command {
    }

    public sealed interface Reply {
    }

    public record Evaluated(Prediction prediction) implements Reply {
    }

    public record EvaluationFailed(String error) implements Reply {
    }

    /** Sent to itself, so requests already in the mailbox join the pass. */
    private record StartPass() implements Command {
    }

    private record PassDone(List<Evaluate> group, List<Prediction> predictions, Throwable failure)
            implements Command {
    }

    private final Denoiser denoiser;
    private final boolean mixRequests;
    private final int maxEvalRows;
    private final Executor device;
    private final Deque<Evaluate> queue = new ArrayDeque<>();
    private boolean busy;

    private ModelReplica(ActorContext<Command> context, Denoiser denoiser, boolean mixRequests, int maxEvalRows) {
        super(context);
        this.denoiser = denoiser;
        this.mixRequests = mixRequests;
        this.maxEvalRows = maxEvalRows;
        this.device = TensorWork.executor(context.getSystem());
    }

    /**
     * @param mixRequests whether requests of different batches may share a pass (the model's rows are independent)
     * @param maxEvalRows the most rows one pass concatenates
     */
    public static Behavior<Command> create(Denoiser denoiser, boolean mixRequests, int maxEvalRows) {
        return Behaviors.setup(context -> new ModelReplica(context, denoiser, mixRequests, maxEvalRows));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Evaluate.class, this::onEvaluate)
                .onMessage(StartPass.class, this::onStartPass)
                .onMessage(PassDone.class, this::onPassDone)
                .build();
    }

    private Behavior<Command> onEvaluate(Evaluate evaluate) {
        boolean idle = !busy && queue.isEmpty();
        queue.add(evaluate);
        if (idle) {
            getContext().getSelf().tell(new StartPass());
        }
        return this;
    }

    private Behavior<Command> onStartPass(StartPass start) {
        if (busy || queue.isEmpty()) {
            return this;
        }
        List<Evaluate> group = nextGroup();
        List<EvalRequest> requests = group.stream().map(Evaluate::request).toList();
        busy = true;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> EvalBatch.evaluate(denoiser, requests), device),
                (predictions, failure) -> new PassDone(group, predictions, failure));
        return this;
    }

    private Behavior<Command> onPassDone(PassDone done) {
        busy = false;
        for (int i = 0; i < done.group().size(); i++) {
            ActorRef<Reply> replyTo = done.group().get(i).replyTo();
            if (done.failure() != null) {
                replyTo.tell(new EvaluationFailed("model evaluation failed: " + rootMessage(done.failure())));
            } else {
                replyTo.tell(new Evaluated(done.predictions().get(i)));
            }
        }
        if (!queue.isEmpty()) {
            getContext().getSelf().tell(new StartPass());
        }
        return this;
    }

    /** The oldest request, and when rows are independent every compatible request behind it that still fits the cap. */
    private List<Evaluate> nextGroup() {
        List<Evaluate> group = new ArrayList<>();
        Evaluate first = queue.poll();
        group.add(first);
        if (!mixRequests) {
            return group;
        }
        long rows = EvalBatch.alignedRows(first.request());
        List<Evaluate> later = new ArrayList<>();
        while (!queue.isEmpty()) {
            Evaluate next = queue.poll();
            long nextRows = EvalBatch.alignedRows(next.request());
            if (EvalBatch.compatible(first.request(), next.request()) && rows + nextRows <= maxEvalRows) {
                group.add(next);
                rows += nextRows;
            } else {
                later.add(next);
            }
        }
        queue.addAll(later);
        return group;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
