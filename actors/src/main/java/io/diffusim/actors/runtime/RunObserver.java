package io.diffusim.actors.runtime;

/** A consumer of the runs' events, named for the log (e.g. "metric stream", "dashboard"). */
public record RunObserver(String name, RunEvents events) {
}
