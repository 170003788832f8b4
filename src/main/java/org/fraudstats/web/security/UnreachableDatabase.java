package org.fraudstats.web.security;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.storage.DatabaseDown;
import org.fraudstats.storage.OneWaitPerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database out of reach (PostgreSQL stopped, restarting, killed) is answered 503 with "try again", here, in front
 * of everything that needs it: the session, the sign-in, the page. It went up to the container as a 500, whose error
 * page asked the database for the session again, so that each page waited twice the pool's 30 s for "服务器内部错误"
 * and left a stack trace in the log each time (tester). The first request to find it out of reach waits the pool's
 * wait and logs one line; the others are answered at once while a probe tries the database (Answer), and the portal
 * answers again by itself once it is back (the pool reconnects).
 */
@Configuration(proxyBeanMethods = false)
class UnreachableDatabase {

    static final String CHINESE = "数据库暂时无法连接，请稍后再试；如一再出现，请联系系统管理员。";
    static final String ENGLISH = "the database is not reachable; try again in a minute";
    /**
     * The pool's wait that ended with no connection failure under it: the database answers, every connection is in
     * use. Said as unreachable, it sent an operator looking at a healthy PostgreSQL while reruns held the pool (r41c).
     */
    static final String CHINESE_BUSY = "服务器繁忙（数据库连接都在使用中），请稍后再试；如一再出现，请联系系统管理员。";
    static final String ENGLISH_BUSY = "the server is busy (every database connection is in use); try again in a minute";
    /** Seconds a client is told to wait: the pool's wait, and about what a restart of PostgreSQL takes. */
    static final String RETRY_AFTER = "60";

    private static final Logger log = LoggerFactory.getLogger(UnreachableDatabase.class);

    @Bean
    FilterRegistrationBean<Answer> unreachableDatabaseAnswered503(DataSource dataSource) {
        FilterRegistrationBean<Answer> registration = new FilterRegistrationBean<>(new Answer(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(5);
            }
        }));
        // before Spring Session's filter (HIGHEST_PRECEDENCE + 50), whose look-up of the session is the first query
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** One try at the database: true once a connection can be had and answers. */
    interface Probe {
        boolean reachable() throws Exception;
    }

    /**
     * Once a request has found the database out of reach, every request is answered 503 at once and a thread of its
     * own tries the database until it answers: each page waited the pool's 30 s for its 503, at every tap on a
     * leader's phone, and a request let through now and then to try it made a tap in a few wait again (trial). The
     * pool keeps trying while the probe waits for a connection, so the probe has one as soon as the database is back.
     */
    static final class Answer extends OncePerRequestFilter {

        /** A try that failed at once (a refusal, not the pool's wait) is followed by the next after this pause. */
        private static final Duration PAUSE = Duration.ofSeconds(1);

        private final Probe probe;
        /** When the database was found out of reach, or null while it answers. */
        private final AtomicReference<Instant> outOfReachSince = new AtomicReference<>();
        private final AtomicLong answeredAtOnce = new AtomicLong();
        private final AtomicReference<Thread> probing = new AtomicReference<>();

        Answer(Probe probe) {
            this.probe = probe;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (outOfReachSince.get() != null) {
                answeredAtOnce.incrementAndGet();
                if ("/actuator/health".equals(request.getRequestURI())) {
                    // what Boot's own answer would be after the pool's wait: a probe reads the status
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader("Retry-After", RETRY_AFTER);
                    response.setContentType("application/json");
                    response.getWriter().write("{\"status\":\"DOWN\"}");
                    return;
                }
                answer(request, response);
                return;
            }
            // the pool's wait once per request: a second ask, by the session saved at the request's end, waited again
            try (OneWaitPerRequest.Scope scope = OneWaitPerRequest.open()) {
                chain.doFilter(request, response);
                // an outage answered without an exception: Boot's health check says DOWN itself, so each probe of a load
                // balancer waited the pool's 30 s and every request after it too (r42f); from it on, 503 at once
                java.sql.SQLException answered = scope.outOfReach();
                if (answered != null && foundOutOfReach()) {
                    log.warn("{} {}: the database is not reachable: {}", request.getMethod(), request.getRequestURI(),
                            DatabaseDown.why(answered));
                }
            } catch (ServletException | IOException | RuntimeException e) {
                if (!DatabaseDown.isCause(e)) {
                    throw e;
                }
                boolean busy = !DatabaseDown.connectionFailed(e);
                log.warn("{} {}: 503, {}: {}", request.getMethod(), request.getRequestURI(),
                        busy ? "every database connection in use" : "the database is not reachable", DatabaseDown.why(e));
                // a pool merely busy (its wait ended with no connection failure under it) is no outage: answering
                // every request 503 at once, the health probe too, would take a loaded node out of service (review)
                if (!busy) {
                    foundOutOfReach();
                }
                if (!response.isCommitted()) {
                    answer(request, response, busy);
                }
            }
        }

        /** From now on every request is answered at once while the probe tries: true for the request that began it. */
        private boolean foundOutOfReach() {
            if (!outOfReachSince.compareAndSet(null, Instant.now())) {
                return false;
            }
            startProbe();
            return true;
        }

        private void startProbe() {
            try {
                Thread thread = new Thread(this::tryUntilReachable, "database-probe");
                thread.setDaemon(true);
                probing.set(thread);
                thread.start();
            } catch (RuntimeException | Error e) {
                // no probe, no one to end it: every request would be answered 503 until a restart
                outOfReachSince.set(null);
                throw e;
            }
        }

        private void tryUntilReachable() {
            try {
                probeUntilReachable();
            } finally {
                // however the probe ended (interrupted, an Error), requests go through again and find out for themselves
                outOfReachSince.set(null);
            }
        }

        private void probeUntilReachable() {
            while (true) {
                Instant tried = Instant.now();
                try {
                    if (probe.reachable()) {
                        Instant since = outOfReachSince.get();
                        // at the level of the outage's own lines (org.fraudstats logs WARN and above): its end beside them
                        log.warn("the database answers again, after {} s; {} requests were answered 503 at once meanwhile",
                                since == null ? 0 : Duration.between(since, Instant.now()).toSeconds(), answeredAtOnce.getAndSet(0));
                        return;
                    }
                } catch (Exception e) {
                    log.debug("the database is still not reachable: {}", DatabaseDown.why(e));
                }
                try {
                    Thread.sleep(Math.max(0, PAUSE.minus(Duration.between(tried, Instant.now())).toMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The server stopping: the probe stops with it rather than trying a closed pool every second. */
        @Override
        public void destroy() {
            Thread thread = probing.getAndSet(null);
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** 503 with Retry-After: {"error": …} under /api and /actuator, the short Chinese page elsewhere. */
    static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, false);
    }

    /** As {@link #answer(HttpServletRequest, HttpServletResponse)}, said as a busy server when {@code busy}. */
    static void answer(HttpServletRequest request, HttpServletResponse response, boolean busy) throws IOException {
        // all of it, the writer's charset too: a page half written in the response's default would show '?' for the Chinese
        response.reset();
        // what the reset took of Spring Security's headers, as the container's own error answers put them back
        response.setHeader("Retry-After", RETRY_AFTER);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        String uri = request.getRequestURI();
        if (Refusals.answeredInJson(uri)) {
            Refusals.json(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, busy ? ENGLISH_BUSY : ENGLISH);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ContainerErrors.page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, busy ? CHINESE_BUSY : CHINESE));
        response.getWriter().flush();
    }
}
