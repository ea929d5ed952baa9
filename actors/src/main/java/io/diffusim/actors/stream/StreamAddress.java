package io.diffusim.actors.stream;

/**
 * Where a daemon's metric stream can be read (advertised in daemon.json): the media driver's directory, the
 * channel and the stream id. A subscriber on the same machine connects to that driver.
 */
public record StreamAddress(String aeronDirectory, String channel, int streamId) {
}
