package io.diffusim.actors.dashboard;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.Pace;
import java.util.List;

/**
 * The dashboard's two HTML pages, rendered on the server so that they name what they show without script; the
 * scripts (assets/list.js, assets/run.js) then keep them live. Chart.js comes from its WebJar on the classpath.
 */
final class DashboardPages {

    private final String chartJs;

    /** @param chartJs the path of Chart.js under /webjars */
    DashboardPages(String chartJs) {
        this.chartJs = chartJs;
    }

    /** {@code /}: every run with its state and progress, each linking to its page. */
    /** @param notices what the daemon's store set aside at start-up (damaged files), one line each, shown above */
    String runList(List<RunStatus> runs, List<String> notices) {
        StringBuilder rows = new StringBuilder();
        for (RunStatus run : runs) {
            rows.append(row(run));
        }
        StringBuilder warnings = new StringBuilder();
        for (String notice : notices) {
            warnings.append("<p class=\"notice\">").append(escape(notice)).append("</p>\n");
        }
        return head("diffusim runs") + """
                <body>
                <h1>diffusim runs</h1>
                <div id="notices">%s</div>
                <table id="runs"><thead><tr><th>run</th><th>state</th><th>progress</th><th>step</th><th>pace</th><th>reason</th></tr></thead>
                <tbody>%s</tbody></table>
                <p id="empty"%s>No runs yet: <code>diffusim submit SPEC</code> starts one.</p>
                <script src="/assets/pace.js"></script>
                <script src="/assets/list.js"></script>
                </body></html>
                """.formatted(warnings, rows, runs.isEmpty() ? "" : " hidden");
    }

    /**
     * {@code /runs/{id}}: the run's values (metrics with one point so far, such as a final KL) as a table, a live
     * chart per series with more points, its particle snapshot, resolved spec and the controls that apply; once it is
     * done, its samples.png and its output directory as a zip.
     */
    private static final java.util.regex.Pattern TRAINING_JOB =
            java.util.regex.Pattern.compile("^\\s*job = train$", java.util.regex.Pattern.MULTILINE);

    String runPage(RunStatus status, String spec) {
        String id = escape(status.id());
        String output = "/api/runs/" + id;
        // a training job (job = train) has a loss plot and no particles
        boolean training = TRAINING_JOB.matcher(spec).find();
        String plot = training ? "train.loss.png" : "samples.png";
        return head("diffusim " + status.id()) + """
                <body data-run-id="%s">
                <p><a href="/">all runs</a></p>
                <h1>%s</h1>
                <div class="status">
                  <span id="state" class="state %s">%s</span>
                  <progress id="progress" max="%d" value="%d"></progress>
                  <span id="step">step %d of %d</span>
                  <span id="pace">%s</span>
                  <span id="reason" class="reason">%s</span>
                </div>
                <div class="controls">
                  <button id="pause" data-action="pause">pause</button>
                  <button id="resume" data-action="resume">resume</button>
                  <button id="stop" data-action="stop">stop</button>
                  <span id="control-result"></span>
                </div>
                <div id="output"%s>
                  <h2>Output</h2>
                  <p><a id="download" href="%s/output.zip" download="%s.zip">download the output directory (zip)</a></p>
                  <img id="samples-png" data-plot="%s" alt="%s"%s>
                </div>
                <h2>Metrics</h2>
                <p id="no-series">No metric records yet.</p>
                <table id="values" hidden><thead><tr><th>metric</th><th>value</th><th>step</th></tr></thead>
                <tbody></tbody></table>
                <div id="charts"></div>
                <div id="particles"%s>
                <h2>Particles</h2>
                <p id="snapshot-note">No particles to show yet (they appear at the first checkpoint).</p>
                <div id="snapshot"></div>
                </div>
                <h2>Resolved spec</h2>
                <pre id="spec">%s</pre>
                <script src="%s"></script>
                <script src="/assets/pace.js"></script>
                <script src="/assets/run.js"></script>
                </body></html>
                """.formatted(id, id, escape(status.state()), escape(status.state()), Math.max(status.steps(), 1),
                status.step(), status.step(), status.steps(), escape(pace(status)), escape(reason(status)),
                done(status) ? "" : " hidden", output, id, plot,
                training ? "train.loss.png: the training loss by step" : "samples.png: the run's samples over its data",
                done(status) ? " src=\"" + output + "/plots/" + plot + "\"" : "", training ? " hidden" : "",
                escape(spec), chartJs);
    }

    private static String row(RunStatus run) {
        String id = escape(run.id());
        return """
                <tr data-run-id="%s"><td><a href="/runs/%s">%s</a></td><td class="state %s">%s</td>\
                <td><progress max="%d" value="%d"></progress></td><td>%d / %d</td><td class="pace">%s</td><td class="reason">%s</td></tr>
                """.formatted(id, id, id, escape(run.state()), escape(run.state()), Math.max(run.steps(), 1), run.step(),
                run.step(), run.steps(), escape(pace(run)), escape(reason(run)));
    }

    private static String pace(RunStatus run) {
        return Pace.text(run.stepsPerSecond(), run.secondsLeft());
    }

    private static String reason(RunStatus run) {
        return run.reason() == null ? "" : run.reason();
    }

    private static boolean done(RunStatus run) {
        return run.state().equals("done");
    }

    private static String head(String title) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <link rel="stylesheet" href="/assets/dashboard.css"></head>
                """.formatted(escape(title));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
