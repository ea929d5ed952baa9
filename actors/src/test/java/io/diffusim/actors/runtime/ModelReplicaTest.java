package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The replica's protocol: continuous batching into one pass, the row cap, unmixable models, failures. */
class ModelReplicaTest {

    private static final ActorTestKit KIT = TestKits.create();

    /** x0 = 2x, so each answer can be checked against its own request; records every pass and can hold one. */
    private static final class DoublingDenoiser implements Denoiser {
        final List<Integer> passRows = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstPassStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdFirstPass;

        @Override
        public Prediction evaluate(EvalRequest request) {
            passRows.add(request.batch());
            firstPassStarted.countDown();
            if (holdFirstPass) {
                holdFirstPass = false;
                await(release);
            }
            if (request.x().getDouble(0, 0) < -1e9) {
                throw new IllegalArgumentException("cannot evaluate far out");
            }
            INDArray ones = Nd4j.ones(DataType.DOUBLE, request.batch(), 1);
            return Prediction.ofX0(request.x(), request.x().mul(2), ones, ones.mul(0.5));
        }

        @Override
        public ForwardProcess process() {
            return null;
        }

        @Override
        public int dimension() {
            return 2;
        }
    }

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void requestsArrivingDuringAPassAreAnsweredFromOneNextPass() {
        DoublingDenoiser denoiser = new DoublingDenoiser();
        denoiser.holdFirstPass = true;
        ActorRef<ModelReplica.Command> replica = KIT.spawn(ModelReplica.create(denoiser, true, 8192));
        TestProbe<ModelReplica.Reply> first = KIT.createTestProbe();
        replica.tell(new ModelReplica.Evaluate(request(5, 0.0), first.getRef()));
        await(denoiser.firstPassStarted);
        List<TestProbe<ModelReplica.Reply>> batches = new ArrayList<>();
        List<EvalRequest> requests = List.of(request(30, 1.0), request(1, 2.0), request(70, 3.0));
        for (EvalRequest request : requests) {
            TestProbe<ModelReplica.Reply> batch = KIT.createTestProbe();
            replica.tell(new ModelReplica.Evaluate(request, batch.getRef()));
            batches.add(batch);
        }
        denoiser.release.countDown();
        first.expectMessageClass(ModelReplica.Evaluated.class);
        for (int i = 0; i < requests.size(); i++) {
            Prediction answer = batches.get(i).expectMessageClass(ModelReplica.Evaluated.class).prediction();
            assertThat(answer.x0().equalsWithEps(requests.get(i).x().mul(2), 0)).isTrue();
            assertThat(answer.b().rows()).isEqualTo(requests.get(i).batch());
        }
        // one pass for the first request, one for the three that arrived meanwhile (each at a 64-row boundary)
        assertThat(denoiser.passRows).containsExactly(5, 64 + 64 + 128);
    }

    @Test
    void aPassConcatenatesNoMoreRowsThanTheCap() {
        DoublingDenoiser denoiser = new DoublingDenoiser();
        denoiser.holdFirstPass = true;
        ActorRef<ModelReplica.Command> replica = KIT.spawn(ModelReplica.create(denoiser, true, 128));
        TestProbe<ModelReplica.Reply> probe = KIT.createTestProbe();
        replica.tell(new ModelReplica.Evaluate(request(5, 0.0), probe.getRef()));
        await(denoiser.firstPassStarted);
        for (int i = 0; i < 3; i++) {
            replica.tell(new ModelReplica.Evaluate(request(60, i), probe.getRef()));
        }
        denoiser.release.countDown();
        probe.receiveSeveralMessages(4);
        assertThat(denoiser.passRows).containsExactly(5, 128, 60);
    }

    @Test
    void aModelWithDependentRowsGetsOneRequestPerPass() {
        DoublingDenoiser denoiser = new DoublingDenoiser();
        denoiser.holdFirstPass = true;
        ActorRef<ModelReplica.Command> replica = KIT.spawn(ModelReplica.create(denoiser, false, 8192));
        TestProbe<ModelReplica.Reply> probe = KIT.createTestProbe();
        replica.tell(new ModelReplica.Evaluate(request(5, 0.0), probe.getRef()));
        await(denoiser.firstPassStarted);
        replica.tell(new ModelReplica.Evaluate(request(7, 1.0), probe.getRef()));
        replica.tell(new ModelReplica.Evaluate(request(9, 2.0), probe.getRef()));
        denoiser.release.countDown();
        probe.receiveSeveralMessages(3);
        assertThat(denoiser.passRows).containsExactly(5, 7, 9);
    }

    @Test
    void aFailedPassAnswersEveryRequesterWithTheError() {
        DoublingDenoiser denoiser = new DoublingDenoiser();
        denoiser.holdFirstPass = true;
        ActorRef<ModelReplica.Command> replica = KIT.spawn(ModelReplica.create(denoiser, true, 8192));
        TestProbe<ModelReplica.Reply> probe = KIT.createTestProbe();
        replica.tell(new ModelReplica.Evaluate(request(5, 0.0), probe.getRef()));
        await(denoiser.firstPassStarted);
        replica.tell(new ModelReplica.Evaluate(request(3, -1e10), probe.getRef()));
        replica.tell(new ModelReplica.Evaluate(request(4, 1.0), probe.getRef()));
        denoiser.release.countDown();
        probe.expectMessageClass(ModelReplica.Evaluated.class);
        for (int i = 0; i < 2; i++) {
            assertThat(probe.expectMessageClass(ModelReplica.EvaluationFailed.class).error())
                    .isEqualTo("model evaluation failed: cannot evaluate far out");
        }
        // the replica keeps serving
        replica.tell(new ModelReplica.Evaluate(request(2, 1.0), probe.getRef()));
        probe.expectMessageClass(ModelReplica.Evaluated.class);
    }

    /** Rows (value + i, value - i): every row of every request differs. */
    private static EvalRequest request(int rows, double value) {
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = new double[] {value + i, value - i};
        }
        return new EvalRequest(Nd4j.create(x), Nd4j.zeros(DataType.DOUBLE, rows, 1), null);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
