package io.diffusim.actors.dashboard;

import static org.apache.pekko.http.javadsl.server.Directives.completeOK;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResourceDirectory;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.Snapshot;
import io.diffusim.actors.protocol.FrontDoorCommand.Status;
import io.diffusim.actors.protocol.FrontDoorCommand.StatusReply;
import io.diffusim.actors.runtime.DaemonHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The dashboard's HTTP surface:
 * <pre>
 * GET  /                         run list (HTML)
 * GET  /runs/{id}                run page (HTML)
 * GET  /api/health               200 with uptime and run counts while the daemon works, 503 naming what is down
 * GET  /api/runs                 every run's status (JSON)
 * GET  /api/runs/{id}            status and resolved spec
 * GET  /api/runs/{id}/events     live feed (server-sent events: init, records, status)
 * GET  /api/runs/{id}/snapshot   a sample of the run's current particles
 * GET  /api/runs/{id}/plots/{f}  a PNG of a done run's plots directory (samples.png, one per series)
 * GET  /api/runs/{id}/output.zip a done run's output directory as a zip (what export copies)
 * POST /api/runs/{id}/{action}   pause | resume | stop, the CLI's Control message
 * GET  /assets/..., /webjars/... scripts and styles from the classpath (the only paths open to all)
 * GET  /login?token=T             sets the token cookie and redirects to /
 * </pre>
 * Everything but the assets and the login needs the token ({@link DashboardAccess}): 401 without it.
 * A malformed run id, action or file name is 400, an unknown run or file 404, the output of a run that is not done
 * 409, a damaged output file 500 naming it, each with a one-line JSON error.
 */
final class DashboardRoutes {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern PLOT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.png");
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final FrontDoorAsk frontDoor;
    private final DashboardHub hub;
    private final DaemonHealth health;
    private final DashboardSettings settings;
    private final DashboardPages pages;
    private final Materializer materializer;
    private final Path runsDirectory;
    private final Executor files;
    private final DashboardAccess access;

    /** @param runsDirectory where done runs' output directories are; {@code files} reads them (blocking work) */
    DashboardRoutes(FrontDoorAsk frontDoor, DashboardHub hub, DaemonHealth health, DashboardSettings settings,
            DashboardPages pages, Materializer materializer, Path runsDirectory, Executor files, DashboardAccess access) {
        this.frontDoor = frontDoor;
        this.hub = hub;
        this.health = health;
        this.settings = settings;
        this.pages = pages;
        this.materializer = materializer;
        this.runsDirectory = runsDirectory;
        this.files = files;
        this.access = access;
    }

    Route route() {
        return concat(
                pathPrefix("assets", () -> get(() -> getFromResourceDirectory("io/diffusim/actors/dashboard/assets"))),
                pathPrefix("webjars", () -> get(() -> getFromResourceDirectory("META-INF/resources/webjars"))),
                path("login", () -> get(access::login)),
                access.guard(() -> concat(
                        pathSingleSlash(() -> get(this::runList)),
                        pathPrefix("runs", () -> path(PathMatchers.segment(), id -> get(() -> runPage(id)))),
                        pathPrefix("api", () -> concat(
                                path("health", () -> get(this::health)),
                                pathPrefix("runs", () -> concat(
                                        pathEnd(() -> get(this::runListJson)),
                                        pathPrefix(PathMatchers.segment(), this::runApi))))))));
    }

    private Route runList() {
        return reply(frontDoor.listRuns().thenApply(list -> html(pages.runList(list.runs(), list.notices()))));
    }

    private Route runListJson() {
        return reply(frontDoor.listRuns().thenApply(list -> json(StatusCodes.OK, DashboardJson.runList(list.runs(), list.notices()))));
    }

    private Route health() {
        CompletionStage<HttpResponse> report = frontDoor.listRuns()
                .thenApply(list -> HealthReport.of(health, Instant.now(), list.runs(), null))
                .exceptionally(failure -> HealthReport.of(health, Instant.now(), null, "did not answer: "
                        + rootMessage(failure)))
                .thenApply(node -> json(HealthReport.up(node) ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
                        DashboardJson.text(node)));
        return onSuccess(report, DashboardRoutes::complete);
    }

    private Route runApi(String id) {
        return validId(id, () -> concat(
                pathEnd(() -> get(() -> reply(frontDoor.snapshot(id, 0, 0).thenApply(answer -> answer instanceof Snapshot s
                        ? json(StatusCodes.OK, DashboardJson.run(s.status(), s.spec())) : unknownRun(id))))),
                path("events", () -> get(() -> onSuccess(openFeed(id), feed -> feed == null
                        ? complete(unknownRun(id))
                        : completeOK(feed, EventStreamMarshalling.toEventStream())))),
                path("snapshot", () -> get(() -> reply(frontDoor.snapshot(id, settings.snapshotParticles(),
                        settings.snapshotValues()).thenApply(answer -> answer instanceof Snapshot s
                        ? json(StatusCodes.OK, DashboardJson.snapshot(s)) : unknownRun(id))))),
                pathPrefix("plots", () -> path(PathMatchers.segment(), file -> get(() -> plot(id, file)))),
                path("output.zip", () -> get(() -> outputZip(id))),
                path(PathMatchers.segment(), action -> post(() -> control(id, action)))));
    }

    private Route plot(String id, String file) {
        if (!PLOT.matcher(file).matches()) {
            return complete(json(StatusCodes.BAD_REQUEST, DashboardJson.error("bad plot name '" + file
                    + "': expected a .png name of letters, digits, '.', '_' or '-'")));
        }
        return reply(whenDone(id, dir -> {
            Path png = dir.resolve("plots").resolve(file);
            if (!Files.isRegularFile(png)) {
                return json(StatusCodes.NOT_FOUND, DashboardJson.error("run " + id + " has no plot " + file));
            }
            return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.create(MediaTypes.IMAGE_PNG),
                    readAll(png)));
        }));
    }

    private Route outputZip(String id) {
        return reply(whenDone(id, dir -> HttpResponse.create()
                .addHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT, Map.of("filename", id + ".zip")))
                .withEntity(HttpEntities.create(ContentTypes.create(MediaTypes.APPLICATION_ZIP), RunOutputZip.of(dir)))));
    }

    /** {@code answer} of the run's output directory, read off the HTTP threads; 404 unknown, 409 not done. */
    private CompletionStage<HttpResponse> whenDone(String id, Function<Path, HttpResponse> answer) {
        return frontDoor.status(id).thenComposeAsync(reply -> {
            if (!(reply instanceof Status status)) {
                return CompletableFuture.completedFuture(unknownRun(id));
            }
            if (!status.status().state().equals("done")) {
                return CompletableFuture.completedFuture(json(StatusCodes.CONFLICT, DashboardJson.error("run " + id
                        + " is " + status.status().state() + ": its output is written when it is done")));
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return answer.apply(runsDirectory.resolve(id));
                } catch (IllegalStateException damaged) {
                    return json(StatusCodes.INTERNAL_SERVER_ERROR, DashboardJson.error(damaged.getMessage()));
                }
            }, files);
        });
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Route runPage(String id) {
        return validId(id, () -> reply(frontDoor.snapshot(id, 0, 0).thenApply(answer -> answer instanceof Snapshot s
                ? html(pages.runPage(s.status(), s.spec())) : unknownRun(id))));
    }

    private Route control(String id, String action) {
        Action parsed = switch (action.toLowerCase(Locale.ROOT)) {
            case "pause" -> Action.PAUSE;
            case "resume" -> Action.RESUME;
            case "stop" -> Action.STOP;
            default -> null;
        };
        if (parsed == null) {
            return complete(json(StatusCodes.BAD_REQUEST, DashboardJson.error("unknown action '" + action
                    + "': expected pause, resume or stop")));
        }
        return reply(frontDoor.control(id, parsed).thenApply(answer -> statusOrUnknown(id, answer)));
    }

    /**
     * The run's live feed as server-sent events, or null for an unknown run. A feed that lacks the head of the log
     * (the run began before this daemon did) is filled from GetMetrics before the page joins it.
     */
    private CompletionStage<Source<ServerSentEvent, NotUsed>> openFeed(String id) {
        return frontDoor.status(id).thenCompose(answer -> {
            if (!(answer instanceof Status status)) {
                return CompletableFuture.completedFuture(null);
            }
            RunPageFeed feed = hub.feed(id);
            CompletionStage<RunPageFeed> filled = feed.complete() ? CompletableFuture.completedFuture(feed)
                    : history(id, List.of()).thenApply(log -> {
                        if (log != null) {
                            feed.fill(log.records(), log.nextIndex(), status.status());
                        }
                        return feed;
                    });
            return filled.thenApply(this::subscribe);
        });
    }

    /** The run's log from {@code sofar.size()} on, page after page (a full page means more follow); null if unknown. */
    private CompletionStage<Metrics> history(String id, List<MetricLine> sofar) {
        return frontDoor.metrics(id, sofar.size()).thenCompose(reply -> {
            if (!(reply instanceof Metrics page)) {
                return CompletableFuture.completedFuture(null);
            }
            List<MetricLine> all = new ArrayList<>(sofar);
            all.addAll(page.records());
            return page.records().size() < FrontDoorCommand.METRICS_PAGE
                    ? CompletableFuture.completedFuture(new Metrics(page.status(), all, page.nextIndex()))
                    : history(id, all);
        });
    }

    /**
     * A page's event stream on {@code feed}: a bounded queue the feed offers to (never waits). A page that falls
     * behind is cut off (it reconnects and starts from a fresh init); a page that went away is removed from the feed
     * as soon as its stream ends, whether or not the feed has anything to send it.
     */
    private Source<ServerSentEvent, NotUsed> subscribe(RunPageFeed feed) {
        Pair<BoundedSourceQueue<ServerSentEvent>, Source<ServerSentEvent, NotUsed>> queue =
                Source.<ServerSentEvent>queue(settings.clientBuffer()).preMaterialize(materializer);
        FeedClient client = new PageStream(queue.first());
        feed.subscribe(client);
        return queue.second().keepAlive(KEEP_ALIVE, ServerSentEvent::heartbeat)
                .watchTermination((notUsed, ended) -> {
                    ended.whenComplete((done, failure) -> feed.unsubscribe(client));
                    return notUsed;
                });
    }

    private static Route validId(String id, Supplier<Route> inner) {
        if (!RUN_ID.matcher(id).matches()) {
            return complete(json(StatusCodes.BAD_REQUEST, DashboardJson.error("bad run id '" + id
                    + "': expected letters, digits, '.', '_' or '-' (at most 200)")));
        }
        return inner.get();
    }

    /** 200 with the run's status; 409 with why when the action does not apply to the run as it is; 404. */
    private static HttpResponse statusOrUnknown(String id, StatusReply answer) {
        if (answer instanceof Status status) {
            return json(StatusCodes.OK, DashboardJson.text(DashboardJson.status(status.status())));
        }
        if (answer instanceof FrontDoorCommand.NotApplied refused) {
            return json(StatusCodes.CONFLICT, DashboardJson.text(DashboardJson.object().put("error", refused.reason())
                    .set("status", DashboardJson.status(refused.status()))));
        }
        return unknownRun(id);
    }

    /** Completes with the response, or 503 naming why the daemon did not answer. */
    private static Route reply(CompletionStage<HttpResponse> response) {
        return onSuccess(response.exceptionally(failure -> json(StatusCodes.SERVICE_UNAVAILABLE,
                DashboardJson.error("the daemon did not answer: " + rootMessage(failure)))), DashboardRoutes::complete);
    }

    private static Route complete(HttpResponse response) {
        return org.apache.pekko.http.javadsl.server.Directives.complete(response);
    }

    private static HttpResponse unknownRun(String id) {
        return json(StatusCodes.NOT_FOUND, DashboardJson.error("unknown run " + id));
    }

    private static HttpResponse json(StatusCode code, String body) {
        return HttpResponse.create().withStatus(code).withEntity(ContentTypes.APPLICATION_JSON, body);
    }

    private static HttpResponse html(String body) {
        return HttpResponse.create().withEntity(ContentTypes.TEXT_HTML_UTF8, body);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
