package io.diffusim.config;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every {@link SpecError} of one load, so that all of them are reported together. */
final class SpecErrors {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._/+-]+");
    private static final int MAX_VALUE_CHARS = 80;

    private final List<SpecError> errors = new ArrayList<>();

    void add(String key, ConfigValue value, String expected) {
        errors.add(new SpecError(key, show(value), expected));
    }

    void add(String key, String value, String expected) {
        errors.add(new SpecError(key, value, expected));
    }

    /** Adds an error unless the key already has one (a rule across blocks must not re-report a bad value's fallback). */
    void addIfFirst(String key, String value, String expected) {
        if (errors.stream().noneMatch(e -> e.key().equals(key))) {
            add(key, value, expected);
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws a {@link SpecException} carrying every error so far, if there is any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }

    /** A value as the user would have written it: bare words unquoted, anything else in HOCON/JSON form. */
    static String show(ConfigValue value) {
        if (value == null) {
            return "";
        }
        String text = value.valueType() == ConfigValueType.STRING && BARE.matcher((String) value.unwrapped()).matches()
                ? (String) value.unwrapped()
                : value.render(ConfigRenderOptions.concise());
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }
}
