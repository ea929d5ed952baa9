package io.diffusim.model.learned;

import io.diffusim.model.eqm.MagnitudeFunction;
import io.diffusim.model.param.EdmPreconditioning;
import io.diffusim.model.param.UedmPreconditioning;
import io.diffusim.model.process.grid.NcsnLadder;
import java.util.LinkedHashMap;
import java.util.Map;

/** One instance of every objective on 2-D data, by name, for the tests of the whole family. */
final class Objectives {

    private Objectives() {
    }

    static Map<String, TrainingObjective> all() {
        double[] a = new double[TinyTraining.TIMESTEPS];
        double[] b = new double[TinyTraining.TIMESTEPS];
        TinyTraining.chain(a, b);
        double[] ladder = NcsnLadder.defaults().times();
        Map<String, TrainingObjective> objectives = new LinkedHashMap<>();
        objectives.put("eps", new ChainObjective(ChainObjective.Target.EPS, a, b, 2, null));
        objectives.put("x0", new ChainObjective(ChainObjective.Target.X0, a, b, 2, null));
        objectives.put("v", new ChainObjective(ChainObjective.Target.V, a, b, 2, null));
        objectives.put("eps+head", new ChainObjective(ChainObjective.Target.EPS, a, b, 2,
                new ChainObjective.DensityTerm(0.01, -1)));
        objectives.put("edm", new PreconditionedObjective("edm", EdmPreconditioning.defaults(), 2));
        objectives.put("uedm", new PreconditionedObjective("uedm", UedmPreconditioning.defaults(), 2));
        objectives.put("fm", new FlowObjective(2));
        objectives.put("eqm", new EqmObjective(new MagnitudeFunction.Truncated(0.8, 4), "truncated", 2));
        objectives.put("ncsn", new ScoreObjective("ncsn", LossForm.REGRESSION, ladder));
        objectives.put("ssm", new ScoreObjective("ssm", LossForm.SLICED, ladder));
        objectives.put("ssm-vr", new ScoreObjective("ssm-vr", LossForm.SLICED_VARIANCE_REDUCED, ladder));
        return objectives;
    }
}
