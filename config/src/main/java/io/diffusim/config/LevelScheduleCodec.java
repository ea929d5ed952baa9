package io.diffusim.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HOCON form of {@link LevelSchedule}: the word {@code pspc}, or {@code [[sigma, value], ...]} with sigma finite
 * and > 0, distinct, and each value in the key's range (and integral where the key asks for integers).
 */
final class LevelScheduleCodec {

    private static final String PSPC = "pspc";

    private LevelScheduleCodec() {
    }

    /** The schedule at key, or empty when it is null. */
    static Optional<LevelSchedule> read(Block b, String key, NumberRange values, boolean integral) {
        if (Values.isNull(b.value(key))) {
            return Optional.empty();
        }
        String expected = PSPC + " or [[sigma, value], ...] with distinct sigma > 0 and each value "
                + (integral ? "an integer " : "") + values.describe().replace("a finite number ", "");
        return Optional.of(b.read(key, v -> parse(v, values, integral), x -> true, expected, new LevelSchedule.Pspc()));
    }

    static Object write(LevelSchedule schedule) {
        if (schedule instanceof LevelSchedule.Table table) {
            // integral values (patch sizes) are written as integers, so the resolved spec reads as the user wrote it
            return table.levels().stream().map(l -> List.<Object>of(l.sigma(),
                    l.value() == Math.rint(l.value()) ? (Object) (long) l.value() : (Object) l.value())).toList();
        }
        return PSPC;
    }

    private static Optional<LevelSchedule> parse(ConfigValue value, NumberRange values, boolean integral) {
        if (Values.string(value).filter(PSPC::equals).isPresent()) {
            return Optional.of(new LevelSchedule.Pspc());
        }
        if (!(value instanceof ConfigList rows) || rows.isEmpty()) {
            return Optional.empty();
        }
        List<LevelSchedule.Level> levels = new ArrayList<>();
        for (ConfigValue row : rows) {
            Optional<List<Double>> pair = Fields.numbers(row, NumberRange.ANY).filter(xs -> xs.size() == 2);
            if (pair.isEmpty()) {
                return Optional.empty();
            }
            double sigma = pair.get().get(0);
            double v = pair.get().get(1);
            boolean fresh = levels.stream().noneMatch(l -> l.sigma() == sigma);
            if (!NumberRange.POSITIVE.contains(sigma) || !values.contains(v) || (integral && v != Math.rint(v)) || !fresh) {
                return Optional.empty();
            }
            levels.add(new LevelSchedule.Level(sigma, v));
        }
        return Optional.of(new LevelSchedule.Table(levels));
    }
}
