package io.diffusim.model.learned;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.NoiseCoefficients;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.param.Conversions;
import io.diffusim.model.process.ForwardProcess;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The score objectives over a geometric sigma ladder (docs/science.md §1.3, §5.3) in the VE space
 * {@code x~ = x_0 + sigma eps}, sigma one of the ladder's levels drawn uniformly; the network outputs the score s:
 * <ul>
 *   <li>NCSN denoising score matching: {@code sigma^2 ||s + (x~ - x_0)/sigma^2||^2 / 2}, i.e. the target
 *       {@code -eps/sigma} with weight {@code sigma^2/2} (anneal power 2);</li>
 *   <li>sliced score matching, plain or variance-reduced ({@link LossForm}), with weight {@code sigma^2}.</li>
 * </ul>
 * The denoiser reads {@code eps = -b s}. The time input is the ladder position
 * {@code (L-1) ln(sigma/sigma_1)/ln(sigma_L/sigma_1)}, the level index NCSN conditions on, continued between levels.
 */
public final class ScoreObjective implements TrainingObjective {

    private final String word;
    private final LossForm form;
    private final double[] ladder;

    /** @param ladder the levels sigma_1 > ... > sigma_L (docs/science.md §1.3) */
    public ScoreObjective(String word, LossForm form, double[] ladder) {
        if (ladder.length < 2 || !(ladder[0] > ladder[ladder.length - 1])) {
            throw new IllegalArgumentException("a sigma ladder needs >= 2 descending levels");
        }
        this.word = word;
        this.form = form;
        this.ladder = ladder.clone();
    }

    @Override
    public String describe() {
        return word + " sigma-max=" + ladder[0] + " sigma-min=" + ladder[ladder.length - 1] + " levels="
                + ladder.length;
    }

    @Override
    public LossForm loss() {
        return form;
    }

    @Override
    public double drawTime(SplittableRandom random) {
        return ladder[random.nextInt(ladder.length)];
    }

    @Override
    public RowCorruption corruption(double sigma) {
        double sigmaSq = sigma * sigma;
        return form == LossForm.REGRESSION ? RowCorruption.of(1, sigma, 0, -1 / sigma, sigmaSq / 2)
                : RowCorruption.of(1, sigma, 0, 0, sigmaSq);
    }

    @Override
    public double networkTime(double sigma) {
        int last = ladder.length - 1;
        return last * Math.log(sigma / ladder[0]) / Math.log(ladder[last] / ladder[0]);
    }

    @Override
    public Prediction prediction(EvalRequest request, INDArray score, ForwardProcess process) {
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        return Prediction.ofEps(request.x(), Conversions.epsFromScore(score, coefficients.b()).castTo(score.dataType()),
                coefficients.a(), coefficients.b());
    }
}
