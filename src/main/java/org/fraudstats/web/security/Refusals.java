package org.fraudstats.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Every refused request, audited (web.md): under /api/v1 and /actuator a 401 or 403 with {"error": "one line"},
 * never a redirect; on pages a 403 shows the Chinese error page (an anonymous visitor of a page is sent to the
 * sign-in form instead, which is not a refusal). Method security's refusals (@PreAuthorize) arrive here too.
 */
@Component
class Refusals {

    // where a token is made said as its user can: on the portal (API 令牌 on /account); the command alone sent press
    // officers, who have no shell, to one (r38b)
    static final String NO_CREDENTIALS = "sign in first, or send Authorization: Bearer TOKEN (made on the portal at /account, "
            + "or by ./fraudstats token create NAME)";
    static final String BAD_TOKEN = "the token is unknown, expired or its user disabled: make a new one on the portal at /account "
            + "(API 令牌), or by ./fraudstats token create NAME";
    static final String WRONG_ROLE = "your role may not do this (web.md, What each role may do)";
    static final String PASSWORD_DUE = "change your password first, at /account in the portal: it was set by someone else, "
            + "or is 90 days old (a bearer token alone is not asked)";
    static final String CSRF = "the request carries no valid CSRF token: send the X-CSRF-TOKEN header of the page, or use a bearer token";

    private final AuditTrail audit;

    Refusals(AuditTrail audit) {
        this.audit = audit;
    }

    /** 401 without credentials (or a session that ended) under /api and /actuator. */
    AuthenticationEntryPoint apiUnauthorized() {
        return (request, response, e) -> unauthorized(request, response, NO_CREDENTIALS);
    }

    /**
     * A 403 for want of a CSRF token, recorded as such: recorded as a bare 403 it read as a role refused, and an auditor
     * looking for a forged cross-site post could not tell it from one (tester 30a).
     */
    static final String CSRF_RESULT = "403: no valid CSRF token";

    AccessDeniedHandler apiForbidden() {
        return (request, response, e) -> {
            record(request, e instanceof CsrfException ? CSRF_RESULT : "403");
            json(response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException ? CSRF : WRONG_ROLE);
        };
    }

    /** A request attribute the error page reads: the 403 was a form without its CSRF token, not the role. */
    static final String CSRF_REFUSED = Refusals.class.getName() + ".csrf";

    AccessDeniedHandler pageForbidden() {
        return (request, response, e) -> {
            record(request, e instanceof CsrfException ? CSRF_RESULT : "403");
            if (e instanceof CsrfException) {
                request.setAttribute(CSRF_REFUSED, Boolean.TRUE);
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        record(request, "401");
        challenge(response, BAD_TOKEN.equals(message));
        json(response, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    /**
     * The challenge a 401 must carry (RFC 9110 15.5.2), in RFC 6750's words: a token is what this API takes, and one
     * sent but refused is invalid_token (r37c: none was sent, and a client library took the 401 for a broken server).
     */
    static void challenge(HttpServletResponse response, boolean tokenRefused) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"fraudstats\"" + (tokenRefused ? ", error=\"invalid_token\"" : ""));
    }

    /** A token known but refused: recorded with its owner, its role and why ("401: token expired or revoked"). */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, String message, String owner, String role,
                      String why) throws IOException {
        audit.record(new AuditEvent(owner, role, Clients.address(request), "request", Clients.object(request), "401: " + why));
        challenge(response, true);
        json(response, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    /** A session whose password is due asks the API: 403 in JSON, audited (web.md: every refusal is recorded). */
    void passwordDue(HttpServletRequest request, HttpServletResponse response) throws IOException {
        record(request, "403");
        json(response, HttpServletResponse.SC_FORBIDDEN, PASSWORD_DUE);
    }

    private void record(HttpServletRequest request, String result) {
        CurrentUser user = CurrentUser.get().orElse(null);
        audit.record(new AuditEvent(user == null ? "" : user.name(), user == null ? "" : user.role().code(),
                Clients.address(request), "request", Clients.object(request), result));
    }

    /**
     * Whether a path is answered in JSON, as Spring Security's /api/** and /actuator/** take it: the bare /actuator
     * too, whose 404 was an HTML page among JSON answers (tester).
     */
    static boolean answeredInJson(String path) {
        return path != null && (path.equals("/api") || path.equals("/actuator") || path.startsWith("/api/") || path.startsWith("/actuator/"));
    }

    /**
     * An error of /api named what it is, as JsonAnswer names the API's own: `curl -OJ` saved a 401 of an expired token
     * as daily.pdf, the name of the bulletin asked for (review 33d).
     */
    static final String ERROR_FILE = "inline; filename=\"error.json\"";

    static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Disposition", ERROR_FILE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        response.getWriter().flush();
    }
}
