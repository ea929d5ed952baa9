package io.diffusim.model.process;

import io.diffusim.config.ProcessSpec;
import io.diffusim.config.VpSchedule;

/**
 * The one factory from a process spec to the forward process {@code x_t = a(t) x_0 + b(t) eps} of docs/science.md §1.1.
 *
 * <p>The time every {@code EvalRequest.t} carries, which is also what denoisers feed to {@code a(t)}, {@code b(t)}:
 * <ul>
 *   <li>vp: the integer chain index {@code t in 0..T-1} as a double (DDPM and DDIM ask at {@code T-1-step} and at
 *       {@code tau_j}); {@link VpDiscreteProcess}, {@code a = sqrt(Abar_t)}, {@code b = sqrt(1 - Abar_t)};</li>
 *   <li>ve and edm: sigma (the EDM sampler asks at {@code t-hat} and {@code t_{i+1}}, annealed Langevin at its ladder
 *       values); both are {@link VeProcess}, {@code x = x_0 + sigma eps}. EDM's sigma_d enters only the network
 *       preconditioning of §1.5 and its regression target, never the state: {@link EdmInputScaledProcess} is the
 *       network's input space, not the space samplers move in;</li>
 *   <li>fm: {@code t in [0, 1]}, 1 pure noise (the flow-matching sampler asks at {@code t_i = 1 - i/N}, never at
 *       its final 0); {@link FlowMatchingProcess};</li>
 *   <li>EqM fields are time-free: their requests carry no t.</li>
 * </ul>
 */
public final class Processes {

    /** Upper clip of the cosine schedule's betas (docs/science.md §1.2). */
    private static final double COSINE_MAX_BETA = 0.999;

    private Processes() {
    }

    /** The forward process of a spec. */
    public static ForwardProcess from(ProcessSpec spec) {
        if (spec instanceof ProcessSpec.Vp vp) {
            return new VpDiscreteProcess(schedule(vp.schedule()));
        }
        if (spec instanceof ProcessSpec.Ve ve) {
            return new VeProcess(ve.sigmaMin(), ve.sigmaMax());
        }
        if (spec instanceof ProcessSpec.Edm edm) {
            return new VeProcess(edm.sigmaMin(), edm.sigmaMax());
        }
        if (spec instanceof ProcessSpec.Fm) {
            return new FlowMatchingProcess();
        }
        throw new IllegalArgumentException("unknown process kind " + spec.kind());
    }

    /** The beta schedule of a VP chain (docs/science.md §1.2). */
    public static BetaSchedule schedule(VpSchedule spec) {
        if (spec instanceof VpSchedule.Linear linear) {
            return new LinearBetaSchedule(linear.timesteps(), linear.betaMin(), linear.betaMax());
        }
        if (spec instanceof VpSchedule.Quadratic quadratic) {
            return new QuadraticBetaSchedule(quadratic.timesteps(), quadratic.betaMin(), quadratic.betaMax());
        }
        if (spec instanceof VpSchedule.Cosine cosine) {
            return new CosineBetaSchedule(cosine.timesteps(), cosine.offset(), COSINE_MAX_BETA);
        }
        if (spec instanceof VpSchedule.LogLinear logLinear) {
            return new LogLinearSigmaSchedule(logLinear.levels(), logLinear.sigmaMin(), logLinear.sigmaMax());
        }
        throw new IllegalArgumentException("unknown vp schedule " + spec.kind());
    }
}
