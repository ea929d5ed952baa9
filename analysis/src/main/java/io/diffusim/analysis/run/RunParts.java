package io.diffusim.analysis.run;

import io.diffusim.config.RunSpec;
import io.diffusim.model.data.DataFiles;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.denoise.ModelFiles;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.Samplers;

/** The objects one run is made of, each built once from its validated spec by its family's factory. */
public record RunParts(RunSpec spec, Dataset data, ForwardProcess process, Denoiser denoiser, Sampler sampler) {

    /** Loads the data, then builds the process, the denoiser and the sampler the spec names. */
    public static RunParts of(RunSpec spec) {
        return of(spec, DataFiles.anywhere());
    }

    /** As {@link #of(RunSpec)}, the data's and the models' files checked against {@code files} (the daemon's allowed roots). */
    public static RunParts of(RunSpec spec, DataFiles files) {
        ModelFiles.require(spec, files); // again at open: a file may have moved since submit
        Dataset data = Datasets.from(spec.data(), spec.seed(), files);
        ForwardProcess process = Processes.from(spec.process());
        Denoiser denoiser = Denoisers.from(spec.model(), spec, data, process);
        Sampler sampler = Samplers.from(spec.sampler(), spec, process, data);
        return new RunParts(spec, data, process, denoiser, sampler);
    }
}
