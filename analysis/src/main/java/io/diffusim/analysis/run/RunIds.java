package io.diffusim.analysis.run;

import io.diffusim.config.RunSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids: the spec's name (or {@code run}), the seed and the UTC start time, e.g. {@code moons-ddpm-s0-20261130T101500Z}. */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String of(RunSpec spec, Instant start) {
        String name = spec.name().map(n -> n.replaceAll("[^A-Za-z0-9._-]", "-")).orElse("run");
        return name + "-s" + spec.seed() + "-" + STAMP.format(start);
    }
}
