package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.flag;
import static io.diffusim.config.Fields.number;
import static io.diffusim.config.Fields.optionalPath;
import static io.diffusim.config.Fields.path;
import static io.diffusim.config.Fields.word;

import io.diffusim.config.ModelSpec.Empirical;
import io.diffusim.config.ModelSpec.EmpiricalUnconditional;
import io.diffusim.config.ModelSpec.EqmEmpirical;
import io.diffusim.config.ModelSpec.Onnx;
import io.diffusim.config.ModelSpec.PatchEmpirical;
import io.diffusim.config.ModelSpec.PatchFlex;
import io.diffusim.config.ModelSpec.Wiener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The HOCON form of {@link ModelSpec} ({@code run.model} and the models inside analyses). */
final class ModelCodec {

    /** PSPC-Flex keeps the pixels holding a share tau in (0, 1] of the heat. */
    private static final NumberRange TAU = new NumberRange(0, true, 1, false);

    private ModelCodec() {
    }

    /** The model of a {@code model} block, or null when its kind is missing or unknown (errors recorded). */
    static ModelSpec read(Block b) {
        Optional<ModelSpec.Kind> kind = b.variant("kind", ModelSpec.Kind.class,
                b.context().reference().object("model-defaults"), true);
        ModelSpec spec = kind.map(k -> switch (k) {
            case GMM_EXACT -> new ModelSpec.GmmExact();
            case EMPIRICAL -> new Empirical(flag(b, "flip"), bandwidth(b));
            case EMPIRICAL_UNCONDITIONAL -> new EmpiricalUnconditional(flag(b, "flip"), bandwidth(b),
                    TimePosteriorCodec.read(b));
            case PATCH_EMPIRICAL -> patchEmpirical(b);
            case PATCH_FLEX -> new PatchFlex(LevelScheduleCodec.read(b, "tau-schedule", TAU, false)
                    .orElse(new LevelSchedule.Pspc()), optionalPath(b, "heat-maps"),
                    number(b, "heat-std", NumberRange.POSITIVE), flag(b, "flip"));
            case WIENER -> new Wiener(count(b, "rank", Limits.RANK), flag(b, "flip"));
            case EQM_EMPIRICAL -> new EqmEmpirical(EqmMagnitudeCodec.read(b), count(b, "grid", Limits.STEP_BUDGET));
            case MLP -> new ModelSpec.Mlp(LearnedCodec.read(b), count(b, "width", Limits.WIDTH),
                    count(b, "blocks", Limits.BLOCKS));
            case UNET -> new ModelSpec.Unet(LearnedCodec.read(b), count(b, "width", Limits.MAPS));
            case ONNX -> new Onnx(path(b, "path"), word(b, "parameterisation", Parameterisation.class),
                    flag(b, "time-input"));
        }).orElse(null);
        b.finish();
        return spec;
    }

    static Map<String, Object> write(ModelSpec model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", model.kind());
        if (model instanceof Empirical empirical) {
            out.put("flip", empirical.flip());
            out.put("condition-bandwidth", empirical.conditionBandwidth());
        } else if (model instanceof EmpiricalUnconditional unconditional) {
            out.put("flip", unconditional.flip());
            out.put("condition-bandwidth", unconditional.conditionBandwidth());
            TimePosteriorCodec.write(unconditional.posterior(), out);
        } else if (model instanceof PatchEmpirical patch) {
            // with a schedule, the fixed patch is not part of the model (and writing both is an error)
            if (patch.schedule().isEmpty()) {
                out.put("patch", patch.patch());
            }
            out.put("patch-schedule", patch.schedule().map(LevelScheduleCodec::write).orElse(null));
            out.put("stride", patch.stride());
            out.put("flip", patch.flip());
        } else if (model instanceof PatchFlex flex) {
            out.put("tau-schedule", LevelScheduleCodec.write(flex.tau()));
            out.put("heat-maps", flex.heatMaps().orElse(null));
            out.put("heat-std", flex.heatStd());
            out.put("flip", flex.flip());
        } else if (model instanceof Wiener wiener) {
            out.put("rank", wiener.rank());
            out.put("flip", wiener.flip());
        } else if (model instanceof EqmEmpirical eqm) {
            EqmMagnitudeCodec.write(eqm.magnitude(), out);
            out.put("grid", eqm.grid());
        } else if (model instanceof ModelSpec.Mlp mlp) {
            out.put("width", mlp.width());
            out.put("blocks", mlp.blocks());
        } else if (model instanceof ModelSpec.Unet unet) {
            out.put("width", unet.width());
        } else if (model instanceof Onnx onnx) {
            out.put("path", onnx.path());
            out.put("parameterisation", onnx.parameterisation());
            out.put("time-input", onnx.timeInput());
        }
        model.asLearned().ifPresent(learned -> LearnedCodec.write(learned, out));
        return out;
    }

    /** A fixed {@code patch}, or a {@code patch-schedule}; writing both is an error on the schedule. */
    private static PatchEmpirical patchEmpirical(Block b) {
        int patch = count(b, "patch", IntRange.POSITIVE);
        Optional<LevelSchedule> schedule = LevelScheduleCodec.read(b, "patch-schedule", NumberRange.atLeast(1), true);
        if (schedule.isPresent() && b.given("patch") && b.given("patch-schedule")) {
            b.error("patch-schedule", "expected null when patch is given (a fixed patch and a schedule exclude each other)");
        }
        return new PatchEmpirical(patch, schedule, count(b, "stride", IntRange.POSITIVE), flag(b, "flip"));
    }

    private static double bandwidth(Block b) {
        return number(b, "condition-bandwidth", NumberRange.POSITIVE);
    }
}
