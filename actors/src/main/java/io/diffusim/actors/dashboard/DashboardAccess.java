package io.diffusim.actors.dashboard;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Who may use the dashboard: whoever holds the daemon's dashboard token (docs/user-guide.md, dashboard). The daemon
 * prints a one-time link {@code /login?token=T}; opening it sets an HttpOnly, SameSite=Strict cookie, so the pages'
 * scripts never see the token and other sites' pages cannot send it. Scripts may send {@code Authorization: Bearer T}
 * instead. A POST whose Origin is not the dashboard's own is refused, so a page elsewhere cannot press the buttons.
 */
final class DashboardAccess {

    static final String COOKIE = "diffusim-token";
    private static final int TOKEN_BYTES = 32;

    private final String token;
    /** Served over HTTPS: the cookie is Secure and a page's Origin is https. */
    private final boolean https;

    DashboardAccess(String token, boolean https) {
        this.token = token;
        this.https = https;
    }

    static DashboardAccess withFreshToken(boolean https) {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new DashboardAccess(HexFormat.of().formatHex(bytes), https);
    }

    String token() {
        return token;
    }

    /** {@code GET /login?token=T}: the cookie and a redirect to the run list, or 401. */
    Route login() {
        return extractRequest(request -> {
            Optional<String> given = request.getUri().query().get("token");
            if (given.isEmpty() || !matches(given.get())) {
                return complete(denied("this login link is not the daemon's current one (each daemon start prints a new"
                        + " link; see dashboard.url in the data directory)"));
            }
            return complete(HttpResponse.create().withStatus(StatusCodes.SEE_OTHER)
                    .addHeader(Location.create("/"))
                    .addHeader(RawHeader.create("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                            + (https ? "; Secure" : ""))));
        });
    }

    /** {@code inner} for a request that carries the token (and, for a POST, comes from the dashboard's own pages). */
    Route guard(Supplier<Route> inner) {
        return extractRequest(request -> {
            if (!carriesToken(request)) {
                return complete(denied("the dashboard needs its token: open the login link the daemon printed at"
                        + " start-up (also in dashboard.url in the data directory), or send Authorization: Bearer TOKEN"));
            }
            if (request.method().equals(HttpMethods.POST) && !sameOrigin(request)) {
                return complete(HttpResponse.create().withStatus(StatusCodes.FORBIDDEN).withEntity(
                        ContentTypes.APPLICATION_JSON, DashboardJson.error("a control request from another site's page"
                                + " (Origin " + request.getHeader("Origin").map(h -> h.value()).orElse("") + ") is refused")));
            }
            return inner.get();
        });
    }

    private boolean carriesToken(HttpRequest request) {
        Optional<String> bearer = request.getHeader("Authorization").map(h -> h.value())
                .filter(v -> v.startsWith("Bearer ")).map(v -> v.substring("Bearer ".length()).trim());
        if (bearer.isPresent()) {
            return matches(bearer.get());
        }
        return request.getHeader("Cookie").map(h -> cookie(h.value())).filter(this::matches).isPresent();
    }

    /** No Origin (a script, curl) or the origin the browser used to reach us, as the Host header names it. */
    private boolean sameOrigin(HttpRequest request) {
        Optional<String> origin = request.getHeader("Origin").map(h -> h.value());
        Optional<String> host = request.getHeader("Host").map(h -> h.value());
        return origin.isEmpty() || host.isPresent() && origin.get().equals((https ? "https://" : "http://") + host.get());
    }

    private static String cookie(String header) {
        for (String part : header.split(";")) {
            String pair = part.trim();
            if (pair.startsWith(COOKIE + "=")) {
                return pair.substring(COOKIE.length() + 1);
            }
        }
        return "";
    }

    private boolean matches(String candidate) {
        // constant time: the comparison must not tell a guesser how many leading characters were right
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse denied(String why) {
        return HttpResponse.create().withStatus(StatusCodes.UNAUTHORIZED)
                .withEntity(ContentTypes.APPLICATION_JSON, DashboardJson.error(why));
    }
}
