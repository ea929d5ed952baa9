package io.diffusim.actors.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runs recent submissions started, by the client's request id: a client that did not hear the answer retries
 * with the same id and gets the same run. Bounded, oldest forgotten first; a retry comes within seconds, so the
 * newest thousands of submissions are enough (and a daemon restart forgets them, as it forgets its asks).
 */
final class SubmitRequests {

    static final int KEPT = 10_000;

    private final Map<String, String> runs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    /** The run that {@code requestId} started, or null. */
    String run(String requestId) {
        return requestId == null ? null : runs.get(requestId);
    }

    void started(String requestId, String runId) {
        if (requestId != null) {
            runs.put(requestId, runId);
        }
    }
}
