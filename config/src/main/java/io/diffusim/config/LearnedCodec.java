package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.flag;
import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.optionalPath;
import static io.diffusim.config.Fields.word;

import io.diffusim.config.TrainSpec.NcsnLadder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;

/** The HOCON form of {@link LearnedSpec} and its {@code train} block (docs/science.md §7.3). */
final class LearnedCodec {

    private LearnedCodec() {
    }

    static LearnedSpec read(Block b) {
        Optional<String> registered = Optional.empty();
        Optional<Path> file = Optional.empty();
        Optional<String> text = Fields.optionalString(b, "checkpoint", x -> true, "a file path or a registered model's name");
        if (text.isPresent() && LearnedSpec.REGISTERED_NAME.matcher(text.get()).matches()) {
            registered = text;
        } else if (text.isPresent()) {
            file = optionalPath(b, "checkpoint");
        }
        return new LearnedSpec(flag(b, "noise-conditional"), file,
                word(b, "objective", LearnedSpec.Objective.class), flag(b, "density-head"),
                word(b, "condition", LearnedSpec.Condition.class), train(b.child("train")), registered);
    }

    static void write(LearnedSpec learned, Map<String, Object> out) {
        out.put("noise-conditional", learned.noiseConditional());
        out.put("checkpoint", learned.registered().orElse(learned.checkpoint().map(Path::toString).orElse(null)));
        out.put("objective", learned.objective());
        out.put("density-head", learned.densityHead());
        out.put("condition", learned.condition());
        TrainSpec t = learned.train();
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("steps", t.steps());
        train.put("batch-size", t.batchSize());
        train.put("save-every", t.saveEvery());
        train.put("lr", t.lr());
        train.put("weight-decay", t.weightDecay());
        train.put("grad-clip", t.gradClip());
        train.put("ema", t.ema());
        train.put("ema-every", t.emaEvery());
        train.put("ema-after", t.emaAfter());
        train.put("ema-power", t.emaPower());
        train.put("density-weight", t.densityWeight());
        train.put("density-sign", t.densitySign());
        Map<String, Object> eqm = new LinkedHashMap<>();
        EqmMagnitudeCodec.write(t.eqm(), eqm);
        train.put("eqm", eqm);
        Map<String, Object> ncsn = new LinkedHashMap<>();
        ncsn.put("sigma-max", t.ncsn().sigmaMax());
        ncsn.put("sigma-min", t.ncsn().sigmaMin());
        ncsn.put("levels", t.ncsn().levels());
        train.put("ncsn", ncsn);
        out.put("train", train);
    }

    private static TrainSpec train(Block b) {
        Block eqmBlock = b.child("eqm");
        EqmMagnitude eqm = EqmMagnitudeCodec.read(eqmBlock);
        eqmBlock.finish();
        Block ncsnBlock = b.child("ncsn");
        double[] sigma = Fields.ordered(ncsnBlock, "sigma-min", "sigma-max", NumberRange.POSITIVE, true);
        NcsnLadder ncsn = new NcsnLadder(sigma[1], sigma[0], count(ncsnBlock, "levels", IntRange.atLeast(2)));
        ncsnBlock.finish();
        TrainSpec train = new TrainSpec(count(b, "steps", IntRange.POSITIVE), count(b, "batch-size", IntRange.POSITIVE),
                count(b, "save-every", IntRange.NON_NEGATIVE),
                number(b, "lr", NumberRange.POSITIVE), number(b, "weight-decay", NumberRange.NON_NEGATIVE),
                number(b, "grad-clip", NumberRange.NON_NEGATIVE), number(b, "ema", NumberRange.UNIT),
                count(b, "ema-every", IntRange.POSITIVE), count(b, "ema-after", IntRange.NON_NEGATIVE),
                number(b, "ema-power", NumberRange.POSITIVE),
                number(b, "density-weight", NumberRange.NON_NEGATIVE), word(b, "density-sign", TrainSpec.Sign.class),
                eqm, ncsn);
        b.finish();
        return train;
    }
}
