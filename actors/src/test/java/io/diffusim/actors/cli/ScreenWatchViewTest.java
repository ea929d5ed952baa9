package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code watch} on a terminal: the progress line and metrics table are redrawn in place, not appended. */
class ScreenWatchViewTest {

    private static Metrics poll(int step, double value) {
        return new Metrics(new RunStatus("r", "running", step, 10, null),
                List.of(new MetricLine("kl", "kl", step, 0.5, value)), step);
    }

    @Test
    void shouldRedrawTheProgressLineAndTableInPlaceOnATerminal() {
        StringWriter text = new StringWriter();
        ScreenWatchView view = new ScreenWatchView(new PrintWriter(text), true);
        view.show(poll(2, 1.5));
        assertThat(text.toString()).isEqualTo("r  running  step 2/10  [######" + ".".repeat(24) + "]\n"
                + String.format("  %-40s step %6d  %.6g%n", "kl.kl", 2, 1.5));
        text.getBuffer().setLength(0);
        view.show(poll(5, 0.25));
        // two lines up, clear to the end of the screen, then the new two lines
        assertThat(text.toString()).startsWith("\033[2F\033[J" + "r  running  step 5/10  [" + "#".repeat(15))
                .endsWith(String.format("  %-40s step %6d  %.6g%n", "kl.kl", 5, 0.25));
    }

    @Test
    void shouldPrintAProgressLinePerTenthAndTheTableAtTheEndElsewhere() {
        StringWriter text = new StringWriter();
        ScreenWatchView view = new ScreenWatchView(new PrintWriter(text), false);
        view.show(poll(1, 1.0));
        view.show(poll(1, 1.0));
        view.show(poll(2, 2.0));
        view.end(new RunStatus("r", "done", 10, 10, null));
        assertThat(text.toString().lines()).containsExactly(
                "r  running  step 1/10  [###" + ".".repeat(27) + "]",
                "r  running  step 2/10  [######" + ".".repeat(24) + "]",
                "r  done  step 10/10  [" + "#".repeat(30) + "]",
                String.format("  %-40s step %6d  %.6g", "kl.kl", 2, 2.0));
    }
}
