package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import net.openhft.chronicle.values.ValueModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store ships chronicle-values' native class for Chronicle Map's header state, so a daemon start does not compile
 * it with javac: the shipped source is exactly what the library's generator writes today (an upgrade that changes
 * it fails here), and a store open uses the shipped class.
 */
class PrecompiledValuesTest {

    private static final String STATE = "net.openhft.chronicle.hash.VanillaGlobalMutableState";
    private static final Path SHIPPED = Path.of("src/main/java/net/openhft/chronicle/hash/VanillaGlobalMutableState$$Native.java");

    @TempDir
    Path dataDir;

    @Test
    void shouldShipWhatTheGeneratorWrites() throws Exception {
        ValueModel model = ValueModel.acquire(Class.forName(STATE));
        Method generate = Class.forName("net.openhft.chronicle.values.Generators")
                .getDeclaredMethod("generateNativeClass", ValueModel.class, String.class);
        generate.setAccessible(true);
        String generated = (String) generate.invoke(null, model, "VanillaGlobalMutableState$$Native");

        assertThat(shippedSource()).isEqualTo(generated);
    }

    @Test
    void shouldOpenTheStoreWithTheShippedClass() throws Exception {
        Class<?> shipped = Class.forName(STATE + "$$Native");
        try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, StoreFixtures.SMALL)) {
            assertThat(store.runs()).isEmpty();
        }
        assertThat(ValueModel.acquire(Class.forName(STATE)).nativeClass()).isSameAs(shipped);
        assertThat(shipped.getProtectionDomain().getCodeSource().getLocation().getPath())
                .as("loaded from diffusim's own classes, not compiled").contains("actors");
    }

    /** The shipped file without its leading comment. */
    private static String shippedSource() throws IOException {
        return Files.readAllLines(SHIPPED).stream().dropWhile(line -> line.startsWith("//"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
