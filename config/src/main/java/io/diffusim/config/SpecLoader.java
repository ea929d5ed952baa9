package io.diffusim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigResolveOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a run spec (docs/spec-reference.md): a HOCON file with a top-level {@code run { ... }} block, resolved
 * against the defaults of {@code reference.conf} and validated in one pass. Every problem (syntax,
 * unknown or misplaced keys, types, ranges, words, cross-block rules) is collected into one
 * {@link SpecException}. Relative file paths resolve against the spec file's directory.
 */
public final class SpecLoader {

    private static final String SYNTAX = "(syntax)";
    /** A spec is a few kilobytes; a megabyte is a mistake (or an attack), refused before parsing. */
    static final long MAX_SPEC_BYTES = 1 << 20;

    private SpecLoader() {
    }

    /** Loads and validates the spec file. */
    public static RunSpec load(Path file) {
        return load(file, true);
    }

    /**
     * Loads and validates the spec file except its {@code analyses}, which are not read at all: the
     * returned run has none. For tools that evaluate the spec's model and run nothing ({@code probe}).
     */
    public static RunSpec loadWithoutAnalyses(Path file) {
        return load(file, false);
    }

    private static RunSpec load(Path file, boolean withAnalyses) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw single(file.toString(), "no such file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw single(file.toString(), "cannot read: " + e.getMessage());
        }
        if (size > MAX_SPEC_BYTES) {
            throw single(source, tooLarge(size));
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(file.toFile(),
                    ConfinedIncluder.options(file.toAbsolutePath().getParent()).setAllowMissing(false));
        } catch (ConfigException e) {
            throw single(source, describe(e));
        } catch (StackOverflowError e) {
            throw single(source, NESTED);
        }
        return read(parsed, file.toAbsolutePath().getParent(), source, withAnalyses);
    }

    /** Parses and validates spec text; relative paths resolve against {@code baseDir} (null: as given). */
    public static RunSpec parse(String hocon, Path baseDir) {
        long size = hocon.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_SPEC_BYTES) {
            throw single(SYNTAX, tooLarge(size));
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(hocon, ConfinedIncluder.options(baseDir).setOriginDescription("spec"));
        } catch (ConfigException e) {
            throw single(SYNTAX, describe(e));
        } catch (StackOverflowError e) {
            throw single(SYNTAX, NESTED);
        }
        return read(parsed, baseDir == null ? null : baseDir.toAbsolutePath(), SYNTAX, true);
    }

    private static RunSpec read(Config parsed, Path baseDir, String source, boolean withAnalyses) {
        Config resolved;
        try {
            // No environment variables: a spec means the same on every machine.
            resolved = parsed.resolve(ConfigResolveOptions.noSystem());
        } catch (ConfigException e) {
            throw single(source, describe(e));
        } catch (StackOverflowError e) {
            throw single(source, NESTED);
        }
        SpecErrors errors = new SpecErrors();
        Reference reference = Reference.get();
        ConfigObject root = resolved.root();
        for (String key : new TreeSet<>(root.keySet())) {
            if (!key.equals("run")) {
                errors.add(key, root.get(key), "unknown key; expected a single run { ... } block");
            }
        }
        if (!root.containsKey("run")) {
            errors.add("run", "", "missing; expected a run { ... } block");
        }
        RunSpec spec;
        try {
            Block run = Block.of("run", root.get("run"), reference.object("run"), new SpecContext(errors, reference, baseDir));
            spec = RunCodec.read(run, withAnalyses);
        } catch (StackOverflowError e) {
            throw single(source, NESTED);
        }
        errors.throwIfAny();
        return spec;
    }

    /** The {@code time-posterior} defaults of reference.conf, for tools that need p(t | x_t) without a spec block. */
    public static TimePosteriorSpec defaultTimePosterior() {
        SpecErrors errors = new SpecErrors();
        Reference reference = Reference.get();
        ConfigObject defaults = reference.object("time-posterior");
        TimePosteriorSpec posterior = TimePosteriorCodec.read(
                Block.of("time-posterior", defaults, defaults, new SpecContext(errors, reference, null)));
        errors.throwIfAny();
        return posterior;
    }

    private static final String NESTED = "nested too deeply to read (a spec needs a few levels of { })";

    private static String tooLarge(long bytes) {
        return bytes + " bytes: a spec may have at most " + MAX_SPEC_BYTES + " bytes";
    }

    private static SpecException single(String key, String problem) {
        return new SpecException(List.of(new SpecError(key, "", problem)));
    }

    /** The parser's message without its origin prefix, with the line number in front. */
    private static String describe(ConfigException e) {
        String message = e.getMessage();
        if (e.origin() == null) {
            return message;
        }
        String prefix = e.origin().description() + ": ";
        String text = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return e.origin().lineNumber() > 0 ? "line " + e.origin().lineNumber() + ": " + text : text;
    }
}
