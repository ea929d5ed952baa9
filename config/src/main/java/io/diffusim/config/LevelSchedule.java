package io.diffusim.config;

import java.util.List;

/**
 * A value chosen per noise level for the local denoisers of docs/science.md §3.6 (the PSPC-Square patch size P,
 * the PSPC-Flex mass threshold tau): the paper's own table on the 18-step EDM grid ({@code pspc}), or the user's
 * {@code [[sigma, value], ...]}; either way the entry nearest to the request's sigma applies.
 */
public sealed interface LevelSchedule {

    /** The paper's table (docs/science.md §3.6), written {@code pspc}. */
    record Pspc() implements LevelSchedule {
    }

    /** The user's entries, in the order written; ties in distance go to the earlier entry. */
    record Table(List<Level> levels) implements LevelSchedule {
        public Table {
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("a level table needs at least one [sigma, value] entry");
            }
        }
    }

    /** One entry: the VE noise level {@code sigma = b / a} and the value that applies nearest to it. */
    record Level(double sigma, double value) {
    }
}
