package io.diffusim.actors.runtime;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EmpiricalPosterior;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Several evaluation requests as one (continuous batching, docs/architecture.md §3): each request's rows start at a
 * multiple of {@link EmpiricalPosterior#ROW_BLOCK} in one preallocated array, so every block of rows a closed-form
 * model multiplies at once holds the rows it holds when the request is evaluated alone, at the same positions; the
 * gaps repeat the request's last row. The answer is cut back into one prediction per request, sliced consistently
 * (x, value, a, b, divergence).
 */
final class EvalBatch {

    private final List<EvalRequest> requests;
    private final long[] offsets;
    private final EvalRequest request;

    private EvalBatch(List<EvalRequest> requests, long[] offsets, EvalRequest request) {
        this.requests = requests;
        this.offsets = offsets;
        this.request = request;
    }

    /** Rows a request takes in a concatenated pass. */
    static int alignedRows(EvalRequest request) {
        return EmpiricalPosterior.paddedRows(request.batch());
    }

    /** True when two requests can share one pass: same dimension, and both have (or both lack) t and a condition. */
    static boolean compatible(EvalRequest a, EvalRequest b) {
        return a.dimension() == b.dimension() && a.x().dataType() == b.x().dataType()
                && (a.t() == null) == (b.t() == null) && columns(a.condition()) == columns(b.condition());
    }

    /** The requests (pairwise {@link #compatible}) written into one request; a single request is used as it is. */
    private static EvalBatch of(List<EvalRequest> requests) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests to batch");
        }
        long[] offsets = new long[requests.size()];
        if (requests.size() == 1) {
            return new EvalBatch(List.copyOf(requests), offsets, requests.get(0));
        }
        long rows = 0;
        for (int i = 0; i < requests.size(); i++) {
            offsets[i] = rows;
            rows += alignedRows(requests.get(i));
        }
        EvalRequest first = requests.get(0);
        INDArray x = concat(requests, offsets, rows, EvalRequest::x);
        INDArray t = first.t() == null ? null : concat(requests, offsets, rows, EvalRequest::t);
        INDArray condition = first.condition() == null ? null : concat(requests, offsets, rows, EvalRequest::condition);
        return new EvalBatch(List.copyOf(requests), offsets, new EvalRequest(x, t, condition));
    }

    /**
     * One pass of {@code denoiser} over the requests (pairwise {@link #compatible}): concatenated, evaluated and cut
     * back into one prediction per request, in order. The whole pass is tensor work, for the device thread.
     */
    static List<Prediction> evaluate(Denoiser denoiser, List<EvalRequest> requests) {
        EvalBatch batch = of(requests);
        Prediction whole = denoiser.evaluate(batch.request());
        List<Prediction> parts = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            parts.add(batch.slice(whole, i));
        }
        return parts;
    }

    /** The request to evaluate. */
    private EvalRequest request() {
        return request;
    }

    /** Request {@code i}'s rows of the pass's prediction, as fresh arrays (the whole prediction when there is one request). */
    private Prediction slice(Prediction whole, int i) {
        if (requests.size() == 1) {
            return whole;
        }
        long from = offsets[i];
        long to = from + requests.get(i).batch();
        INDArray x = rows(whole.x(), from, to);
        Prediction part = switch (whole.kind()) {
            case X0 -> Prediction.ofX0(x, rows(whole.x0(), from, to), rows(whole.a(), from, to), rows(whole.b(), from, to));
            case EPS -> Prediction.ofEps(x, rows(whole.eps(), from, to), rows(whole.a(), from, to), rows(whole.b(), from, to));
            case FIELD -> Prediction.ofField(x, rows(whole.field(), from, to));
        };
        // lazily: most samplers never ask, and asking forms the whole pass's divergence
        return whole.hasDivergence() ? part.withLazyDivergence(() -> rows(whole.divergence(), from, to)) : part;
    }

    private static INDArray concat(List<EvalRequest> requests, long[] offsets, long rows,
            Function<EvalRequest, INDArray> part) {
        INDArray first = part.apply(requests.get(0));
        INDArray out = Nd4j.create(first.dataType(), rows, first.columns());
        for (int i = 0; i < requests.size(); i++) {
            INDArray values = part.apply(requests.get(i));
            long from = offsets[i];
            long to = from + values.rows();
            out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(values);
            long end = from + alignedRows(requests.get(i));
            if (end > to) {
                // the gap repeats the last row, so it holds valid inputs (e.g. a noise level the process accepts)
                out.get(NDArrayIndex.interval(to, end), NDArrayIndex.all()).addiRowVector(values.getRow(values.rows() - 1, true));
            }
        }
        return out;
    }

    private static INDArray rows(INDArray array, long from, long to) {
        return array == null ? null : array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
    }

    private static long columns(INDArray array) {
        return array == null ? -1 : array.columns();
    }
}
