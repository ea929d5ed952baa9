package io.diffusim.actors.runtime;

import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Control;
import io.diffusim.actors.protocol.FrontDoorCommand.Export;
import io.diffusim.actors.protocol.FrontDoorCommand.GetMetrics;
import io.diffusim.actors.protocol.FrontDoorCommand.GetSnapshot;
import io.diffusim.actors.protocol.FrontDoorCommand.GetStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.ListRuns;
import io.diffusim.actors.protocol.FrontDoorCommand.Rejected;
import io.diffusim.actors.protocol.FrontDoorCommand.Submit;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecError;
import io.diffusim.config.SpecException;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.data.DataFiles;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.denoise.ModelFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * What the CLI talks to (docs/user-guide.md commands; protocol {@link FrontDoorCommand}): spawned by the {@link Daemon}
 * guardian as {@value Daemon#FRONT_DOOR_NAME}, so it is reachable at {@code /user/front-door}
 * ({@code pekko://diffusim@HOST:PORT/user/front-door} from another process), and registered with the receptionist
 * under {@link FrontDoorCommand#KEY}. A submitted spec is validated here: an invalid one is rejected with every
 * error, one line each, and nothing else changes; everything else goes to the {@link RunRegistry}.
 */
public final class FrontDoor extends AbstractBehavior<FrontDoorCommand> {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ActorRef<RunRegistry.Command> registry;
    private final long memoryLimit;
    private final DataFiles dataFiles;
    private final List<String> notices;
    private final ModelRegistry models;

    private FrontDoor(ActorContext<FrontDoorCommand> context, ActorRef<RunRegistry.Command> registry, long memoryLimit,
            DataFiles dataFiles, List<String> notices, ModelRegistry models) {
        super(context);
        this.registry = registry;
        this.memoryLimit = memoryLimit;
        this.dataFiles = dataFiles;
        this.notices = List.copyOf(notices);
        this.models = models;
    }

    /** A front door that admits runs of any size, whose data may be anywhere. */
    public static Behavior<FrontDoorCommand> create(ActorRef<RunRegistry.Command> registry) {
        return create(registry, Long.MAX_VALUE, DataFiles.anywhere());
    }

    /** @param memoryLimit bytes a run may need at most ({@link Admission}); a larger one is rejected at submit */
    public static Behavior<FrontDoorCommand> create(ActorRef<RunRegistry.Command> registry, long memoryLimit) {
        return create(registry, memoryLimit, DataFiles.anywhere());
    }

    /**
     * @param memoryLimit bytes a run may need at most ({@link Admission}); a larger one is rejected at submit
     * @param dataFiles   where a run's data files may be; a spec naming one elsewhere is rejected at submit
     */
    public static Behavior<FrontDoorCommand> create(ActorRef<RunRegistry.Command> registry, long memoryLimit,
            DataFiles dataFiles) {
        return create(registry, memoryLimit, dataFiles, List.of(), null);
    }

    /**
     * @param notices what the store set aside at start-up, added to every run list
     * @param models the registry a spec's model name must be found in (null: none, such specs are rejected)
     */
    public static Behavior<FrontDoorCommand> create(ActorRef<RunRegistry.Command> registry, long memoryLimit,
            DataFiles dataFiles, List<String> notices, ModelRegistry models) {
        return Behaviors.setup(context -> new FrontDoor(context, registry, memoryLimit, dataFiles, notices, models));
    }

    @Override
    public Receive<FrontDoorCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(ListRuns.class, this::onListRuns)
                .onMessage(GetStatus.class, this::onGetStatus)
                .onMessage(Control.class, this::onControl)
                .onMessage(Export.class, this::onExport)
                .onMessage(GetMetrics.class, this::onGetMetrics)
                .onMessage(GetSnapshot.class, this::onGetSnapshot)
                .build();
    }

    private Behavior<FrontDoorCommand> onSubmit(Submit submit) {
        if (submit.requestId() != null && !REQUEST_ID.matcher(submit.requestId()).matches()) {
            submit.replyTo().tell(new Rejected(List.of("bad request id: expected 1-64 letters, digits or '-'")));
            return this;
        }
        RunSpec spec;
        try {
            Path directory = submit.specDirectory() == null ? null : Path.of(submit.specDirectory());
            spec = SpecLoader.parse(submit.specText() == null ? "" : submit.specText(), directory);
            Datasets.requireFiles(spec.data(), dataFiles);
            ModelFiles.require(spec, dataFiles);
        } catch (SpecException e) {
            submit.replyTo().tell(new Rejected(e.errors().stream().map(SpecError::message).toList()));
            return this;
        } catch (IllegalArgumentException e) {
            submit.replyTo().tell(new Rejected(List.of(Failures.message(e))));
            return this;
        }
        Optional<String> unknownModel = RegisteredModels.refusal(spec, models);
        if (unknownModel.isPresent()) {
            submit.replyTo().tell(new Rejected(List.of(unknownModel.get())));
            return this;
        }
        Optional<String> tooLarge = Admission.refusal(spec, memoryLimit);
        if (tooLarge.isPresent()) {
            submit.replyTo().tell(new Rejected(List.of(tooLarge.get())));
            return this;
        }
        registry.tell(new RunRegistry.Submit(spec, submit.requestId(), submit.replyTo()));
        return this;
    }

    private Behavior<FrontDoorCommand> onListRuns(ListRuns list) {
        if (notices.isEmpty()) {
            registry.tell(new RunRegistry.ListRuns(list.replyTo()));
            return this;
        }
        // a one-answer actor adds the notices to the registry's list on its way to the client
        ActorRef<FrontDoorCommand.RunList> withNotices = getContext().spawnAnonymous(
                Behaviors.receive(FrontDoorCommand.RunList.class).onMessage(FrontDoorCommand.RunList.class, runs -> {
                    list.replyTo().tell(new FrontDoorCommand.RunList(runs.runs(), notices));
                    return Behaviors.stopped();
                }).build());
        registry.tell(new RunRegistry.ListRuns(withNotices));
        return this;
    }

    private Behavior<FrontDoorCommand> onGetStatus(GetStatus get) {
        registry.tell(new RunRegistry.GetStatus(get.runId(), get.replyTo()));
        return this;
    }

    private Behavior<FrontDoorCommand> onControl(Control control) {
        registry.tell(new RunRegistry.Control(control.runId(), control.action(), control.replyTo()));
        return this;
    }

    private Behavior<FrontDoorCommand> onExport(Export export) {
        registry.tell(new RunRegistry.Export(export.runId(), export.outDirectory(), export.replyTo()));
        return this;
    }

    private Behavior<FrontDoorCommand> onGetMetrics(GetMetrics get) {
        registry.tell(new RunRegistry.GetMetrics(get.runId(), get.fromIndex(), get.replyTo()));
        return this;
    }

    private Behavior<FrontDoorCommand> onGetSnapshot(GetSnapshot get) {
        registry.tell(new RunRegistry.GetSnapshot(get.runId(), get.maxRows(), get.maxValues(), get.replyTo()));
        return this;
    }
}
