package io.diffusim.actors.dashboard;

/** A live page's connection to a run's feed: takes one server-sent event, never waits. */
interface FeedClient {

    /**
     * Hands over an event ({@code type}: init, records or status; {@code data}: its JSON); false when the client is
     * gone or too far behind, and is then dropped from the feed.
     */
    boolean offer(String type, String data);
}
