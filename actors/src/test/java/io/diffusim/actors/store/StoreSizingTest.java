package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diffusim.store settings and the map sizes derived from them. */
class StoreSizingTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheLaptopDefaultsFromReferenceConf() {
        StoreSizing defaults = StoreSizing.from(ConfigFactory.defaultReference());
        assertThat(defaults).isEqualTo(new StoreSizing(1000, 512L << 20, 2_000_000));
        // two slots of half-full 1 MiB chunks, plus 25 %
        assertThat(StateStores.chunkEntries(defaults)).isEqualTo(2560);
    }

    @Test
    void shouldNameTheSettingOfANonPositiveValue() {
        assertThatThrownBy(() -> StoreSizing.from(ConfigFactory.parseString("diffusim.store.metric-records = 0")
                .withFallback(ConfigFactory.defaultReference())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("diffusim.store.metric-records must be positive, got 0");
    }

    @Test
    void shouldRememberTheLargestSizingTheFilesWereMadeWith() {
        StoreSizing made = new StoreSizing(10, 1 << 20, 100);
        made.write(dir.resolve("sizing.properties"));
        assertThat(StoreSizing.read(dir.resolve("sizing.properties"))).contains(made);
        assertThat(made.max(new StoreSizing(5, 2 << 20, 50))).isEqualTo(new StoreSizing(10, 2 << 20, 100));
        assertThat(StoreSizing.read(dir.resolve("missing.properties"))).isEmpty();
    }
}
