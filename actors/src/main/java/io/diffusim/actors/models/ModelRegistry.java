package io.diffusim.actors.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.diffusim.actors.store.Sha256;
import io.diffusim.config.LearnedSpec;
import io.diffusim.config.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The trained networks of a data directory (docs/user-guide.md "Models"): {@code models/NAME.json} describes one and
 * names its checkpoint {@code models/NAME-<sha256 prefix>.ckpt}, so a model registered again under the same name
 * never changes the file a running run has loaded. Both files are written under a temporary name and renamed, the
 * description last: a reader sees the old model or the new one, never half of one. The checkpoint's checksum is
 * verified each time a name is resolved.
 */
public final class ModelRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String DESCRIPTION = ".json";

    private final Path directory;

    private ModelRegistry(Path directory) {
        this.directory = directory;
    }

    /** The registry of data directory {@code dataDir}. */
    public static ModelRegistry of(Path dataDir) {
        return new ModelRegistry(dataDir.resolve("models").toAbsolutePath().normalize());
    }

    public Path directory() {
        return directory;
    }

    /** Every registered model, by name; a description that cannot be read is an error naming its file. */
    public List<RegisteredModel> list() throws IOException {
        List<RegisteredModel> models = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return models;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + DESCRIPTION)) {
            for (Path file : files) {
                models.add(read(file));
            }
        }
        models.sort(Comparator.comparing(RegisteredModel::name));
        return models;
    }

    /** The model registered as {@code name}, if any. */
    public Optional<RegisteredModel> find(String name) throws IOException {
        Path file = directory.resolve(name + DESCRIPTION);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Copies {@code checkpoint} into the registry under {@code model.name()} (replacing a model of that name) and
     * returns the description as stored, with its file and checksum filled in.
     */
    public RegisteredModel register(RegisteredModel model, Path checkpoint) throws IOException {
        requireName(model.name());
        Files.createDirectories(directory);
        String sha256 = sha256(checkpoint);
        String fileName = model.name() + "-" + sha256.substring(0, 12) + ".ckpt";
        Path target = directory.resolve(fileName);
        Path partial = directory.resolve(fileName + ".partial");
        Files.copy(checkpoint, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Optional<RegisteredModel> before = find(model.name());
        RegisteredModel stored = new RegisteredModel(model.name(), model.architecture(), model.objective(),
                model.process(), model.data(), model.steps(), model.finalLoss(), model.runId(), model.registeredAt(),
                fileName, sha256, model.spec());
        Path description = directory.resolve(model.name() + DESCRIPTION);
        Path partialDescription = directory.resolve(model.name() + DESCRIPTION + ".partial");
        JSON.writeValue(partialDescription.toFile(), stored);
        Files.move(partialDescription, description, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (before.isPresent() && !before.get().file().equals(fileName)) {
            // a run that loaded the old file holds its weights in memory: the file itself is no longer needed
            Files.deleteIfExists(directory.resolve(before.get().file()));
        }
        return stored;
    }

    /**
     * The checkpoint file of the model registered as {@code name}, its checksum verified; an unknown name or a
     * damaged file is an {@link IllegalArgumentException} that says which and how to see what is registered.
     */
    public Path checkpoint(String name) {
        try {
            RegisteredModel model = find(name).orElseThrow(() -> new IllegalArgumentException("model.checkpoint = "
                    + name + ": no model of that name is registered in " + directory + " (bin/diffusim models lists "
                    + "them; a training job, job = train, registers one)"));
            Path file = directory.resolve(model.file());
            String actual;
            try {
                actual = sha256(file);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("model " + name + ": its checkpoint " + file + " is missing", e);
            }
            if (!actual.equals(model.sha256())) {
                throw new IllegalArgumentException("model " + name + ": checksum mismatch in " + file
                        + " (the file is damaged; train the model again)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the model registry " + directory + " failed", e);
        }
    }

    /**
     * {@code spec} with a registered model's name replaced by its checkpoint file, ready to be built; a spec that
     * names no registered model, or trains one, is returned as it is.
     */
    public RunSpec resolve(RunSpec spec) {
        Optional<LearnedSpec> learned = spec.model() == null ? Optional.empty() : spec.model().asLearned();
        if (spec.job() != RunSpec.Job.SAMPLE || learned.isEmpty() || learned.get().registered().isEmpty()) {
            return spec;
        }
        return spec.withModel(spec.model().withLearned(
                learned.get().withCheckpoint(checkpoint(learned.get().registered().get()))));
    }

    private static void requireName(String name) {
        if (!LearnedSpec.REGISTERED_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name " + name + ": expected 1-64 letters, digits, '-' or '_'");
        }
    }

    private static RegisteredModel read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), RegisteredModel.class);
        } catch (IOException e) {
            throw new IOException("the model description " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }
}
