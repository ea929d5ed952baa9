package io.diffusim.actors.daemon;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.ControlRules;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecError;
import io.diffusim.config.SpecException;
import io.diffusim.config.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A stand-in for the daemon's front door in remoting tests: runs have {@link #STEPS} steps and advance one step
 * (and one metric record) each time a client asks about them, so tests need no clock. A spec named
 * {@code reject-me} is rejected with two errors; an exported run gets a samples.csv.
 */
public final class FakeFrontDoor extends AbstractBehavior<FrontDoorCommand> {

    public static final int STEPS = 5;
    public static final String REJECTED_NAME = "reject-me";
    public static final String SAMPLES = "x0,x1\n0.5,-0.25\n";

    /** A valid spec of the smallest kind, named {@code name} (its runs' ids start with the name). */
    public static String spec(String name) {
        return """
                run {
                  name = "%s"
                  particles = 8
                  data { kind = moons, n = 50 }
                  process { kind = vp, timesteps = 3 }
                  analyses = []
                }
                """.formatted(name);
    }

    private final Map<String, RunStatus> runs = new LinkedHashMap<>();
    private final Map<String, List<MetricLine>> metrics = new LinkedHashMap<>();

    private FakeFrontDoor(ActorContext<FrontDoorCommand> context) {
        super(context);
    }

    /** A daemon guardian that spawns the fake at {@link RemoteSettings#FRONT_DOOR_PATH}. */
    public static Behavior<Void> guardian() {
        return Behaviors.setup(context -> {
            context.spawn(Behaviors.setup(FakeFrontDoor::new), "front-door");
            return Behaviors.empty();
        });
    }

    @Override
    public Receive<FrontDoorCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(FrontDoorCommand.Submit.class, this::onSubmit)
                .onMessage(FrontDoorCommand.ListRuns.class, this::onList)
                .onMessage(FrontDoorCommand.GetStatus.class, this::onStatus)
                .onMessage(FrontDoorCommand.Control.class, this::onControl)
                .onMessage(FrontDoorCommand.Export.class, this::onExport)
                .onMessage(FrontDoorCommand.GetMetrics.class, this::onMetrics)
                .build();
    }

    private Behavior<FrontDoorCommand> onSubmit(FrontDoorCommand.Submit submit) {
        RunSpec spec;
        try {
            spec = SpecLoader.parse(submit.specText(), Path.of(submit.specDirectory()));
        } catch (SpecException e) {
            submit.replyTo().tell(new FrontDoorCommand.Rejected(e.errors().stream().map(SpecError::message).toList()));
            return this;
        }
        if (spec.name().filter(REJECTED_NAME::equals).isPresent()) {
            submit.replyTo().tell(new FrontDoorCommand.Rejected(List.of("first reason", "second reason")));
            return this;
        }
        String id = spec.name().orElse("run") + "-" + runs.size();
        runs.put(id, new RunStatus(id, "queued", 0, STEPS, null));
        metrics.put(id, new ArrayList<>());
        submit.replyTo().tell(new FrontDoorCommand.Submitted(id));
        return this;
    }

    private Behavior<FrontDoorCommand> onList(FrontDoorCommand.ListRuns list) {
        list.replyTo().tell(new FrontDoorCommand.RunList(List.copyOf(runs.values())));
        return this;
    }

    private Behavior<FrontDoorCommand> onStatus(FrontDoorCommand.GetStatus get) {
        get.replyTo().tell(runs.containsKey(get.runId()) ? new FrontDoorCommand.Status(advance(get.runId()))
                : new FrontDoorCommand.UnknownRun(get.runId()));
        return this;
    }

    private Behavior<FrontDoorCommand> onControl(FrontDoorCommand.Control control) {
        RunStatus run = runs.get(control.runId());
        if (run == null) {
            control.replyTo().tell(new FrontDoorCommand.UnknownRun(control.runId()));
            return this;
        }
        String refusal = ControlRules.refusal(control.action(), run);
        if (refusal != null) {
            control.replyTo().tell(new FrontDoorCommand.NotApplied(run, refusal));
            return this;
        }
        String state = switch (control.action()) {
            case PAUSE -> "paused";
            case RESUME -> "running";
            case STOP -> "stopped";
        };
        RunStatus changed = new RunStatus(run.id(), state, run.step(), run.steps(), null);
        runs.put(run.id(), changed);
        control.replyTo().tell(new FrontDoorCommand.Status(changed));
        return this;
    }

    private Behavior<FrontDoorCommand> onExport(FrontDoorCommand.Export export) {
        RunStatus run = runs.get(export.runId());
        if (run == null) {
            export.replyTo().tell(new FrontDoorCommand.UnknownRun(export.runId()));
        } else if (!run.state().equals("done")) {
            export.replyTo().tell(new FrontDoorCommand.ExportFailed("run " + run.id() + " is " + run.state()));
        } else {
            write(Path.of(export.outDirectory()));
            export.replyTo().tell(new FrontDoorCommand.Exported(export.outDirectory()));
        }
        return this;
    }

    private Behavior<FrontDoorCommand> onMetrics(FrontDoorCommand.GetMetrics get) {
        if (!runs.containsKey(get.runId())) {
            get.replyTo().tell(new FrontDoorCommand.UnknownRun(get.runId()));
            return this;
        }
        RunStatus status = advance(get.runId());
        List<MetricLine> lines = metrics.get(get.runId());
        get.replyTo().tell(new FrontDoorCommand.Metrics(status, List.copyOf(lines.subList(get.fromIndex(), lines.size())),
                lines.size()));
        return this;
    }

    /** One more step of a queued or running run, with its metric record; paused and ended runs stay. */
    private RunStatus advance(String runId) {
        RunStatus run = runs.get(runId);
        if (!run.state().equals("queued") && !run.state().equals("running")) {
            return run;
        }
        int step = run.step() + 1;
        RunStatus next = new RunStatus(runId, step == STEPS ? "done" : "running", step, STEPS, null);
        runs.put(runId, next);
        metrics.get(runId).add(new MetricLine("fake", "step-squared", step, 1.0 - step / (double) STEPS, step * step));
        return next;
    }

    private static void write(Path out) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("samples.csv"), SAMPLES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
