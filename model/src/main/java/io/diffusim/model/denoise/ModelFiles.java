package io.diffusim.model.denoise;

import io.diffusim.config.AnalysisSpec;
import io.diffusim.config.LearnedSpec;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.model.data.DataFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a model spec reads (docs/security.md, inputs): a learned model's checkpoint or safetensors weights, an
 * ONNX network, PSPC-Flex heat maps. On the daemon they must lie inside its data roots, as data files do, and be
 * regular files of bounded size; the check names the key and the path, never anything the file holds.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * Checks every file the run's models name (its own, and those of its paired and denoiser-agreement analyses)
     * against {@code files}' roots; nothing to do when {@code files} is unconfined. A registered model's name is not
     * a file here: the daemon resolves it into its own store.
     *
     * @throws IllegalArgumentException naming the key, the path and what is wrong with it
     */
    public static void require(RunSpec spec, DataFiles files) {
        if (files.roots() == null) {
            return;
        }
        require("run.model", spec.model(), files);
        List<AnalysisSpec> analyses = spec.analyses();
        for (int i = 0; i < analyses.size(); i++) {
            String at = "run.analyses[" + i + "].model";
            if (analyses.get(i) instanceof AnalysisSpec.Paired paired) {
                require(at, paired.model(), files);
            } else if (analyses.get(i) instanceof AnalysisSpec.DenoiserAgreement agreement) {
                require(at, agreement.model(), files);
            }
        }
    }

    private static void require(String at, ModelSpec model, DataFiles files) {
        if (model == null) {
            return;
        }
        named(model).forEach((key, file) -> {
            try {
                files.requireFile(file, DataFiles.MAX_BYTES);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "." + key + ": " + e.getMessage(), e);
            }
        });
    }

    /** Each file a model spec names, under its key in the model block. */
    static Map<String, Path> named(ModelSpec model) {
        Map<String, Path> files = new LinkedHashMap<>();
        if (model instanceof ModelSpec.Onnx onnx) {
            files.put("path", onnx.path());
        }
        if (model instanceof ModelSpec.PatchFlex flex) {
            flex.heatMaps().ifPresent(file -> files.put("heat-maps", file));
        }
        model.asLearned().flatMap(LearnedSpec::checkpoint).ifPresent(file -> files.put("checkpoint", file));
        return files;
    }
}
