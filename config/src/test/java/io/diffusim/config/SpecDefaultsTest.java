package io.diffusim.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SpecDefaultsTest {

    /** Keys that choose a variant or are required: the spec under test sets them itself. */
    private static final Set<String> CHOSEN = Set.of("kind", "schedule", "geometry", "path", "mean", "cov");

    private static final Config REFERENCE = ConfigFactory.parseResources("reference.conf")
            .withOnlyPath("diffusim").resolve().getConfig("diffusim");

    @Test
    void shouldResolveMinimalMoonsSpecToRunspecDefaults() {
        RunSpec spec = SpecTexts.parse("run { data { kind = moons } }");

        RunSpec expected = new RunSpec(Optional.empty(), 0, 10_000, 2048,
                new DataSpec.Moons(100_000, Subset.ALL),
                new ProcessSpec.Vp(new VpSchedule.Linear(1e-4, 0.02, 100)),
                new ModelSpec.Empirical(false, 0.1),
                new SamplerSpec.Ddpm(false, new GuidanceSpec(GuidanceSpec.Kind.NONE, 0.1, GuidanceSpec.Density.KDE, 0.05, 2000)),
                List.of(new AnalysisSpec.Kl(5, 2)), 1, 10);
        assertThat(spec).isEqualTo(expected);
    }

    @Test
    void shouldResolveEdmDefaultsOfScienceSection13() {
        RunSpec spec = SpecTexts.parse("run { data { kind = moons }, process { kind = edm }, sampler { kind = heun } }");

        assertThat(spec.process()).isEqualTo(new ProcessSpec.Edm(0.002, 80, 7, 0.5));
        assertThat(spec.sampler()).isEqualTo(new SamplerSpec.Heun(0, Churn.NONE));
    }

    @Test
    void shouldResolveEqmDefaultsOfScienceSection27() {
        RunSpec spec = SpecTexts.parse("run { data { kind = moons }, model { kind = eqm-empirical }, sampler { kind = eqm-nag } }");

        assertThat(spec.model()).isEqualTo(new ModelSpec.EqmEmpirical(
                new EqmMagnitude(EqmMagnitude.Shape.TRUNCATED, 0.8, 1.0, 4), 4096));
        assertThat(spec.sampler()).isEqualTo(new SamplerSpec.EqmNag(0, 0.0017, 0.3, 250, 0));
    }

    /** Every (table, variant) of reference.conf, e.g. ("sampler-defaults", "heun"). */
    static Stream<Arguments> variants() {
        List<Arguments> all = new ArrayList<>();
        for (String table : List.of("data-defaults", "geometry-defaults", "process-defaults", "schedule-defaults",
                "model-defaults", "sampler-defaults", "analysis-defaults")) {
            REFERENCE.getObject(table).keySet().stream().sorted().forEach(word -> all.add(Arguments.of(table, word)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("variants")
    void shouldFillEveryReferenceDefaultIntoTheResolvedSpec(String table, String word) {
        String hocon = VariantSpecs.selecting(table, word);
        ConfigObject rendered = ConfigFactory.parseString(SpecRenderer.render(SpecTexts.parse(hocon))).getConfig("run").root();

        String block = VariantSpecs.block(table);
        ConfigObject at = block.equals("analyses")
                ? (ConfigObject) ((ConfigList) rendered.get("analyses")).get(0)
                : (ConfigObject) rendered.get(block);
        ConfigObject common = block.equals("analyses") ? REFERENCE.getObject("analysis") : REFERENCE.getObject("run." + block);
        assertDefaultsPresent(common, at, "run." + block);
        assertDefaultsPresent(REFERENCE.getObject(table + "." + word), at, "run." + block);
    }

    @Test
    void shouldFillTopLevelDefaults() {
        ConfigObject rendered = ConfigFactory.parseString(SpecRenderer.render(SpecTexts.parse("run { data { kind = line } }")))
                .getConfig("run").root();

        for (Map.Entry<String, ConfigValue> entry : REFERENCE.getObject("run").entrySet()) {
            if (entry.getValue().valueType() != ConfigValueType.OBJECT && !entry.getKey().equals("analyses")) {
                assertThat(same(entry.getValue(), rendered.get(entry.getKey()))).as("run.%s", entry.getKey()).isTrue();
            }
        }
        assertThat(rendered.toConfig().getObjectList("analyses")).hasSize(1);
        assertThat(rendered.toConfig().getObjectList("analyses").get(0).toConfig().getString("kind")).isEqualTo("kl");
        assertThat(rendered.toConfig().getObjectList("analyses").get(0).toConfig().getInt("k")).isEqualTo(5);
    }

    private static void assertDefaultsPresent(ConfigObject defaults, ConfigObject rendered, String path) {
        for (Map.Entry<String, ConfigValue> entry : defaults.entrySet()) {
            String key = entry.getKey();
            // a required folder (png's dir, default null) is chosen by the variant spec like a required path
            boolean requiredDir = key.equals("dir") && entry.getValue().valueType() == ConfigValueType.NULL;
            if (CHOSEN.contains(key) || requiredDir
                    || (path.endsWith("run.analyses") && (key.equals("sampler") || key.equals("model")))) {
                continue;
            }
            assertThat(rendered.containsKey(key)).as("%s.%s is rendered", path, key).isTrue();
            if (entry.getValue() instanceof ConfigObject nested) {
                assertDefaultsPresent(nested, (ConfigObject) rendered.get(key), path + "." + key);
            } else {
                assertThat(same(entry.getValue(), rendered.get(key)))
                        .as("%s.%s: default %s, rendered %s", path, key, entry.getValue(), rendered.get(key)).isTrue();
            }
        }
    }

    /** Equal HOCON values, numbers compared as doubles (7 and 7.0 are the same default). */
    private static boolean same(ConfigValue a, ConfigValue b) {
        if (a.valueType() == ConfigValueType.NUMBER && b.valueType() == ConfigValueType.NUMBER) {
            return ((Number) a.unwrapped()).doubleValue() == ((Number) b.unwrapped()).doubleValue();
        }
        if (a instanceof ConfigList la && b instanceof ConfigList lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!same(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.valueType() == b.valueType() && java.util.Objects.equals(a.unwrapped(), b.unwrapped());
    }
}
