package org.fraudstats.web.security;

import jakarta.servlet.http.HttpServletRequest;

/** What the audit log says about a request: the client's address and "METHOD path" as the object. */
final class Clients {

    private Clients() {
    }

    /** The peer address (Spring Boot's server.forward-headers-strategy makes it the real client behind a proxy). */
    static String address(HttpServletRequest request) {
        return request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
    }

    /** The request as the audit log's object; the query is left out (it may hold a token pasted by mistake). */
    static String object(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getMethod() + " " + (path == null ? "" : path);
    }
}
