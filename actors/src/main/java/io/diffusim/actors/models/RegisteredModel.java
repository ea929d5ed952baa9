package io.diffusim.actors.models;

/**
 * One trained network in a daemon's model registry ({@link ModelRegistry}): what {@code bin/diffusim models} lists
 * and what a run spec's {@code model.checkpoint = "NAME"} loads.
 *
 * @param architecture the network as its checkpoint header describes it
 * @param data the training data's spec block on one line
 * @param steps optimiser steps the network was trained for
 * @param finalLoss the loss of the last step
 * @param runId the training job that made it
 * @param registeredAt ISO-8601 instant
 * @param file the checkpoint's file name inside the registry's directory
 * @param sha256 the checkpoint file's SHA-256, checked whenever the model is loaded
 * @param spec the resolved spec the model was trained with
 */
public record RegisteredModel(String name, String architecture, String objective, String process, String data,
        long steps, double finalLoss, String runId, String registeredAt, String file, String sha256, String spec) {
}
