package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.runtime.ForwardingRunStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/user-guide.md, damaged files: what the store set aside at start-up is on the dashboard's run list and in
 * {@code /api/runs}, as {@code list} prints it, escaped as text.
 */
class DashboardNoticesTest {

    private static final String NOTICE = "store file /d/store/metrics.dat could not be opened (<bad> & truncated); it "
            + "was moved to /d/store/damaged/metrics.dat.1 and made anew";

    @TempDir
    Path dir;

    @Test
    void shouldShowWhatTheStoreSetAsideOnTheRunListAndInItsJson() throws IOException {
        ForwardingRunStore store = new ForwardingRunStore() {
            @Override
            public List<String> notices() {
                return List.of(NOTICE);
            }
        };
        try (DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"),
                DashboardSettings.from(ConfigFactory.load()).withPort(0), List.of(), store)) {
            HttpResponse<String> page = fixture.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"notices\"><p class=\"notice\">store file "
                    + "/d/store/metrics.dat could not be opened (&lt;bad&gt; &amp; truncated); it was moved to");

            JsonNode runs = new ObjectMapper().readTree(fixture.get("/api/runs").body());
            assertThat(runs.get("runs").size()).isZero();
            assertThat(runs.get("notices").size()).isEqualTo(1);
            assertThat(runs.get("notices").get(0).asText()).isEqualTo(NOTICE);
        }
    }
}
