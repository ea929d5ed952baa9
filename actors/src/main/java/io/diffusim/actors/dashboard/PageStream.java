package io.diffusim.actors.dashboard;

import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;

/**
 * A live page as its run's feed sees it: events go into the page's bounded stream queue. A full queue means the page
 * fell behind: its stream is completed (the page reconnects and starts again from a fresh init). A closed queue means
 * the page went away (the browser tab closed, the socket was reset): nothing to do but report it gone.
 */
final class PageStream implements FeedClient {

    private final BoundedSourceQueue<ServerSentEvent> queue;

    PageStream(BoundedSourceQueue<ServerSentEvent> queue) {
        this.queue = queue;
    }

    @Override
    public boolean offer(String type, String data) {
        QueueOfferResult result = queue.offer(ServerSentEvent.create(data, type));
        if (result == QueueOfferResult.enqueued()) {
            return true;
        }
        if (result == QueueOfferResult.dropped()) {
            try {
                queue.complete();
            } catch (IllegalStateException alreadyClosed) {
                // the page went away at the same moment
            }
        }
        return false;
    }
}
