package org.fraudstats.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.Users;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * At most {@link #MAX_SESSIONS} signed-in sessions per user (MLPS 2.0 level 3 limits concurrent sessions; a leader
 * has a phone, a desk and perhaps a laptop): a further sign-in ends the least recently used one, whose next request
 * is told so and audited as {@code sign-out ended: replaced by a newer sign-in}. Spring Security's own mechanism
 * (maximumSessions) over the sessions Spring Session keeps in PostgreSQL, so every node of a cluster counts the
 * same sessions. The API chain runs the same check: a session ended so must not go on reading through /api.
 */
final class ReplacedSessions {

    static final int MAX_SESSIONS = 3;
    static final String API_MESSAGE = "this session ended: its user signed in elsewhere (at most " + MAX_SESSIONS
            + " sessions a user); sign in again, or use a bearer token";

    private ReplacedSessions() {
    }

    static SessionRegistry registry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** What the ended session's next request gets: the sign-in page saying why, or a 401 in JSON under /api. */
    static SessionInformationExpiredStrategy ended(SignIn signIn, Users users, Refusals refusals, boolean api) {
        return event -> {
            HttpServletRequest request = event.getRequest();
            HttpServletResponse response = event.getResponse();
            record(event.getSessionInformation(), signIn, users, request);
            if (api) {
                Refusals.json(response, HttpServletResponse.SC_UNAUTHORIZED, API_MESSAGE);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?replaced");
            }
        };
    }

    /** The check of the API chain, which has no sign-in of its own to install it. */
    static ConcurrentSessionFilter filter(SessionRegistry registry, SignIn signIn, Users users, Refusals refusals) {
        return new ConcurrentSessionFilter(registry, ended(signIn, users, refusals, true));
    }

    private static void record(SessionInformation session, SignIn signIn, Users users, HttpServletRequest request) throws IOException {
        String name = String.valueOf(session.getPrincipal());
        try {
            users.find(name).ifPresent(user -> signIn.sessionEnded(name, user.role(), Clients.address(request),
                    "replaced by a newer sign-in"));
        } catch (RuntimeException e) {
            // ending a session takes access away: it goes on when the audit cannot record it, as sign-out does
            LoggerFactory.getLogger(ReplacedSessions.class).error("end of {}'s replaced session not recorded in the audit log: {}",
                    name, e.toString());
        }
    }
}
