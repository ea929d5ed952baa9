package io.diffusim.actors.cli;

import io.diffusim.config.ProcessSpec;

/**
 * Checks a probe's {@code --t} against the process's own time (docs/user-guide.md): vp an integer timestep in
 * [0, T-1]; ve and edm a sigma in (0, sigma-max]; fm a t in (0, 1).
 */
final class ProbeTime {

    private ProbeTime() {
    }

    static double check(ProcessSpec process, Double t) {
        if (t == null) {
            throw new BadInputException("--t is required (or --posterior-t, or a column t in --points)");
        }
        return check(process, t, "--t " + t);
    }

    /** The same check of one value, named by {@code what} in the message (e.g. a row of the points' t column). */
    static double check(ProcessSpec process, double value, String what) {
        boolean ok;
        String expected;
        if (process instanceof ProcessSpec.Vp vp) {
            int last = vp.schedule().length() - 1;
            ok = value == Math.rint(value) && value >= 0 && value <= last;
            expected = "an integer timestep in [0, " + last + "]";
        } else if (process instanceof ProcessSpec.Ve ve) {
            ok = value > 0 && value <= ve.sigmaMax();
            expected = "a sigma in (0, " + ve.sigmaMax() + "]";
        } else if (process instanceof ProcessSpec.Edm edm) {
            ok = value > 0 && value <= edm.sigmaMax();
            expected = "a sigma in (0, " + edm.sigmaMax() + "]";
        } else {
            ok = value > 0 && value < 1;
            expected = "a t in (0, 1)";
        }
        if (!ok) {
            throw new BadInputException(what + ": expected " + expected + " for process.kind = "
                    + process.kind().name().toLowerCase());
        }
        return value;
    }
}
