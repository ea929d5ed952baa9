package io.diffusim.config;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Optional;

/**
 * Strict conversions of single HOCON values: integers must be integral, numbers finite (HOCON
 * would accept the strings {@code "NaN"} and {@code "Infinity"}; they are rejected here), and
 * strings that spell a number are accepted as HOCON allows.
 */
final class Values {

    private Values() {
    }

    static boolean isNull(ConfigValue value) {
        return value == null || value.valueType() == ConfigValueType.NULL;
    }

    static Optional<Double> number(ConfigValue value) {
        if (isNull(value)) {
            return Optional.empty();
        }
        Double parsed = null;
        if (value.valueType() == ConfigValueType.NUMBER) {
            parsed = ((Number) value.unwrapped()).doubleValue();
        } else if (value.valueType() == ConfigValueType.STRING) {
            try {
                parsed = Double.parseDouble(((String) value.unwrapped()).trim());
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(parsed).filter(Double::isFinite);
    }

    static Optional<Long> integer(ConfigValue value) {
        if (!isNull(value) && value.valueType() == ConfigValueType.NUMBER
                && (value.unwrapped() instanceof Integer || value.unwrapped() instanceof Long)) {
            return Optional.of(((Number) value.unwrapped()).longValue());
        }
        // 1e3 or "42": integral values written another way; 2.5 is not an integer.
        return number(value).filter(x -> x == Math.rint(x) && Math.abs(x) < 0x1p63).map(Double::longValue);
    }

    static Optional<Boolean> bool(ConfigValue value) {
        if (isNull(value)) {
            return Optional.empty();
        }
        if (value.valueType() == ConfigValueType.BOOLEAN) {
            return Optional.of((Boolean) value.unwrapped());
        }
        if (value.valueType() == ConfigValueType.STRING) {
            String text = ((String) value.unwrapped()).trim();
            return text.equals("true") || text.equals("false") ? Optional.of(Boolean.valueOf(text)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Strings, and numbers or booleans read as their text (HOCON makes no difference between them). */
    static Optional<String> string(ConfigValue value) {
        if (isNull(value)) {
            return Optional.empty();
        }
        ConfigValueType type = value.valueType();
        return type == ConfigValueType.STRING || type == ConfigValueType.NUMBER || type == ConfigValueType.BOOLEAN
                ? Optional.of(String.valueOf(value.unwrapped()))
                : Optional.empty();
    }
}
