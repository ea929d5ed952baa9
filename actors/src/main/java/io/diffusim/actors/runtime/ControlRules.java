package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.util.Locale;

/**
 * When pause, resume and stop apply: pause to a queued or running run, resume to a paused one, stop to any run that
 * has not ended and is not already stopping. Otherwise the action changes nothing and the daemon says why, so a script can tell.
 */
public final class ControlRules {

    private ControlRules() {
    }

    /** Why {@code action} does not apply to {@code run}, or null when it does. */
    public static String refusal(Action action, RunStatus run) {
        String verb = action.name().toLowerCase(Locale.ROOT);
        if (run.ended()) {
            return action == Action.STOP ? "run " + run.id() + " already ended (" + run.state() + ")"
                    : "run " + run.id() + " is " + run.state() + ": nothing to " + verb;
        }
        if (run.state().equals(RunStates.STOPPING)) {
            return action == Action.STOP ? "run " + run.id() + " is already stopping"
                    : "run " + run.id() + " is stopping: nothing to " + verb;
        }
        if (action == Action.PAUSE && run.state().equals(RunStates.PAUSED)) {
            return "run " + run.id() + " is already paused";
        }
        if (action == Action.RESUME && !run.state().equals(RunStates.PAUSED)) {
            return "run " + run.id() + " is not paused (it is " + run.state() + "): nothing to resume";
        }
        return null;
    }
}
