package org.fraudstats.web.security;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.storage.DigitRuns;
import org.springframework.web.util.UriUtils;

/** What the audit log says about a request: the client's address and "METHOD path" as the object. */
final class Clients {

    private Clients() {
    }

    /** The peer address (Spring Boot's server.forward-headers-strategy makes it the real client behind a proxy). */
    static String address(HttpServletRequest request) {
        return request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
    }

    /**
     * The request as the audit log's object; the query is left out (it may hold a token pasted by mistake), and an
     * account number in the path is masked (DigitRuns): anyone can request /api/v1/bulletins/NUMBER/daily.pdf, and the
     * refusal would show the number to the auditor. Percent-escapes are read first, so %36%32… is masked too.
     */
    static String object(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getMethod() + " " + (path == null ? "" : DigitRuns.mask(decoded(path)));
    }

    private static String decoded(String path) {
        try {
            return UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }
}
