package io.diffusim.actors.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent event stream until the events so far satisfy a condition, then hangs up. */
final class SseReader {

    record Event(String type, String data) {
    }

    private SseReader() {
    }

    /** @param bearer the {@code Authorization} header value (the dashboard's token) */
    static List<Event> readUntil(HttpClient http, String url, String bearer, Predicate<List<Event>> done) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", bearer).GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        List<Event> events = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            String type = "message";
            StringBuilder data = new StringBuilder();
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(type, data.toString()));
                    type = "message";
                    data.setLength(0);
                    if (done.test(events)) {
                        return events;
                    }
                }
            }
        }
        throw new IllegalStateException(url + " ended after " + events.size() + " events");
    }
}
