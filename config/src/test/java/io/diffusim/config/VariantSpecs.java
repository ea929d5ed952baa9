package io.diffusim.config;

/** Minimal valid specs that select one variant of a reference.conf table, for the defaults and round-trip tests. */
final class VariantSpecs {

    private VariantSpecs() {
    }

    /** The run block a table's variants live in. */
    static String block(String table) {
        return switch (table) {
            case "data-defaults", "geometry-defaults" -> "data";
            case "process-defaults", "schedule-defaults" -> "process";
            case "model-defaults" -> "model";
            case "sampler-defaults" -> "sampler";
            case "analysis-defaults" -> "analyses";
            default -> throw new IllegalArgumentException("no block for table " + table);
        };
    }

    /** A valid spec whose {@code table} variant is {@code word}, other blocks chosen to satisfy the cross-block rules. */
    static String selecting(String table, String word) {
        return switch (table) {
            case "data-defaults" -> "run { data { kind = " + word + dataExtras(word) + " } }";
            case "geometry-defaults" -> "run { data { kind = gmm, geometry = " + word + " } }";
            case "process-defaults" -> "run { data { kind = moons }, process { kind = " + word + " }, sampler { kind = "
                    + switch (word) { case "vp" -> "ddpm"; case "fm" -> "fm-euler"; default -> "euler"; } + " } }";
            case "schedule-defaults" -> "run { data { kind = moons }, process { kind = vp, schedule = " + word + " } }";
            case "model-defaults" -> model(word);
            case "sampler-defaults" -> sampler(word);
            case "analysis-defaults" -> "run { data { kind = moons }, analyses = [ { kind = " + word + analysisExtras(word) + " } ] }";
            default -> throw new IllegalArgumentException("unknown table " + table);
        };
    }

    private static String dataExtras(String kind) {
        return switch (kind) {
            case "gmm" -> ", geometry = uniform-2d";
            case "csv" -> ", path = \"points.csv\"";
            case "idx" -> ", path = \"images-idx3-ubyte\"";
            case "png" -> ", dir = \"images\"";
            case "npy" -> ", path = \"images.npy\"";
            default -> "";
        };
    }

    private static String model(String kind) {
        return switch (kind) {
            case "gmm-exact" -> "run { data { kind = gmm, geometry = spiral-2d }, model { kind = gmm-exact } }";
            case "patch-empirical" -> "run { data { kind = fashion-mnist }, model { kind = patch-empirical } }";
            case "patch-flex" -> "run { data { kind = fashion-mnist }, model { kind = patch-flex } }";
            case "eqm-empirical" -> "run { data { kind = moons }, model { kind = eqm-empirical }, sampler { kind = eqm-gd } }";
            case "onnx" -> "run { data { kind = moons }, model { kind = onnx, path = \"model.onnx\" } }";
            default -> "run { data { kind = moons }, model { kind = " + kind + " } }";
        };
    }

    private static String sampler(String kind) {
        String process = switch (kind) {
            case "euler", "heun", "langevin" -> "ve";
            case "fm-euler", "fm-heun" -> "fm";
            default -> "vp";
        };
        String model = kind.startsWith("eqm") ? "eqm-empirical" : "empirical";
        return "run { data { kind = moons }, process { kind = " + process + " }, model { kind = " + model
                + " }, sampler { kind = " + kind + " } }";
    }

    private static String analysisExtras(String kind) {
        return switch (kind) {
            case "paired" -> ", sampler { kind = ddim, steps = 10 }";
            case "denoiser-agreement" -> ", model { kind = wiener, rank = 1 }";
            default -> "";
        };
    }
}
