package org.fraudstats.web.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.Users;
import org.fraudstats.storage.SqlFiles;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At most {@link #MAX_SESSIONS} signed-in sessions per user (MLPS 2.0 level 3 limits concurrent sessions; a leader
 * has a phone, a desk and perhaps a laptop): a further sign-in ends the least recently used one, audited then as
 * {@code sign-out ended: replaced by a newer sign-in}; its next request is told so. Spring Security's own mechanism
 * (maximumSessions) over the sessions Spring Session keeps in PostgreSQL, so every node of a cluster counts the
 * same sessions. The API chain runs the same check: a session ended so must not go on reading through /api.
 */
final class ReplacedSessions {

    static final int MAX_SESSIONS = 3;
    static final String WHY = "replaced by a newer sign-in";
    static final String API_MESSAGE = "this session ended: its user signed in elsewhere (at most " + MAX_SESSIONS
            + " sessions a user); sign in again, or use a bearer token";

    private ReplacedSessions() {
    }

    /**
     * Spring Session's registry, whose sessions, when a newer sign-in ends one, have that end recorded at once (and the
     * session marked so, V42): recorded at its next request only, a session never used again was recorded half an
     * hour later by the idle cleanup, as idle (r37b). With the client it was signed in from, as its sign-in has it.
     */
    static SessionRegistry registry(FindByIndexNameSessionRepository<? extends Session> sessions, SignIn signIn, Users users,
                                    NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        SpringSessionBackedSessionRegistry<? extends Session> registry = new SpringSessionBackedSessionRegistry<>(sessions);
        return new SessionRegistry() {
            @Override
            public List<Object> getAllPrincipals() {
                return registry.getAllPrincipals();
            }

            @Override
            public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
                return registry.getAllSessions(principal, includeExpiredSessions).stream()
                        .map(session -> (SessionInformation) new SessionInformation(session.getPrincipal(), session.getSessionId(),
                                session.getLastRequest()) {
                            @Override
                            public void expireNow() {
                                endAndRecord(session, sessions, signIn, users, jdbc, transaction);
                                super.expireNow();
                            }
                        }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)); // Spring sorts it
            }

            @Override
            public SessionInformation getSessionInformation(String sessionId) {
                return registry.getSessionInformation(sessionId);
            }

            @Override
            public void refreshLastRequest(String sessionId) {
                registry.refreshLastRequest(sessionId);
            }

            @Override
            public void registerNewSession(String sessionId, Object principal) {
                registry.registerNewSession(sessionId, principal);
            }

            @Override
            public void removeSessionInformation(String sessionId) {
                registry.removeSessionInformation(sessionId);
            }
        };
    }

    /**
     * Ends the session, then records that end with its mark in one transaction, once: two sign-ins ending the same
     * session at once (two nodes) record it once (the mark's insert is the one that may record), and a record that
     * fails takes its mark back, so the session's next request records it instead (r37d). A session the look-up
     * finds gone (idle past its time, deleted by that very look-up and recorded idle by V33's trigger; or ended by
     * another node) is not ended again nor recorded as replaced.
     */
    private static void endAndRecord(SessionInformation replaced, FindByIndexNameSessionRepository<? extends Session> sessions,
                                     SignIn signIn, Users users, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        Session session = sessions.findById(replaced.getSessionId());
        if (session == null) {
            return;
        }
        replaced.expireNow();
        String name = String.valueOf(replaced.getPrincipal());
        Object context = session.getAttribute(org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        String client = context instanceof org.springframework.security.core.context.SecurityContext c
                && c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof CurrentUser user ? user.client() : "";
        try {
            transaction.executeWithoutResult(status -> {
                boolean marked = !jdbc.queryForList(SqlFiles.load("access/mark-replaced-session.sql"),
                        Map.of("sessionId", replaced.getSessionId()), String.class).isEmpty();
                if (marked) {
                    users.find(name).ifPresent(user -> signIn.sessionEnded(name, user.role(), client, WHY));
                }
            });
        } catch (RuntimeException e) {
            // ending a session takes access away: it goes on when the audit cannot record it (its next request then
            // records it, unmarked), as sign-out does
            LoggerFactory.getLogger(ReplacedSessions.class).error("end of {}'s replaced session not recorded in the audit log: {}",
                    name, e.toString());
        }
    }

    /** Whether the end of this session was recorded when a newer sign-in replaced it. */
    static boolean endRecorded(NamedParameterJdbcTemplate jdbc, String sessionId) {
        return sessionId != null && Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("access/session-end-recorded.sql"),
                Map.of("sessionId", sessionId), Boolean.class));
    }

    /**
     * What the ended session's next page gets: the sign-in page saying why. The pages' sign-out handlers ran just
     * before (Spring gives them to the check) and recorded the end.
     */
    static SessionInformationExpiredStrategy endedPage() {
        return event -> event.getResponse().sendRedirect(event.getRequest().getContextPath() + "/login?replaced");
    }

    /**
     * The check of the API chain, which has no sign-in of its own to install it: a 401 in JSON, the end recorded here
     * (no sign-out handler runs in this chain). A request with a bearer token is the token's, not the session's, and
     * is not checked: a script's token does not fail for a browser's replaced cookie sent along. Not on the second
     * (ASYNC) dispatch of a streamed listing, whose answer is already under way (OncePerRequestFilter's default).
     */
    static jakarta.servlet.Filter apiCheck(SessionRegistry registry, SignIn signIn, Users users, Refusals refusals,
                                           NamedParameterJdbcTemplate jdbc) {
        ConcurrentSessionFilter check = new ConcurrentSessionFilter(registry, event -> {
            if (!endRecorded(jdbc, event.getSessionInformation().getSessionId())) {
                record(event.getSessionInformation(), signIn, users, event.getRequest());
            }
            Refusals.challenge(event.getResponse(), false);
            Refusals.json(event.getResponse(), HttpServletResponse.SC_UNAUTHORIZED, API_MESSAGE);
        });
        return new org.springframework.web.filter.OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, jakarta.servlet.FilterChain chain)
                    throws jakarta.servlet.ServletException, IOException {
                if (BearerTokens.isBearer(request)) {
                    chain.doFilter(request, response);
                } else {
                    check.doFilter(request, response, chain);
                }
            }
        };
    }

    private static void record(SessionInformation session, SignIn signIn, Users users, HttpServletRequest request) throws IOException {
        String name = String.valueOf(session.getPrincipal());
        try {
            users.find(name).ifPresent(user -> signIn.sessionEnded(name, user.role(), Clients.address(request), WHY));
        } catch (RuntimeException e) {
            // ending a session takes access away: it goes on when the audit cannot record it, as sign-out does
            LoggerFactory.getLogger(ReplacedSessions.class).error("end of {}'s replaced session not recorded in the audit log: {}",
                    name, e.toString());
        }
    }
}
