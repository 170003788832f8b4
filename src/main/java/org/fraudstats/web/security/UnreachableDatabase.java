package org.fraudstats.web.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.storage.DatabaseDown;
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
 * and left a stack trace in the log each time (tester). One log line a request says it instead; the portal answers
 * again by itself once the database is back (the pool reconnects).
 */
@Configuration(proxyBeanMethods = false)
class UnreachableDatabase {

    static final String CHINESE = "数据库暂时无法连接，请稍后再试；如一再出现，请联系系统管理员。";
    static final String ENGLISH = "the database is not reachable; try again in a minute";
    /** Seconds a client is told to wait: the pool's wait, and about what a restart of PostgreSQL takes. */
    static final String RETRY_AFTER = "60";

    private static final Logger log = LoggerFactory.getLogger(UnreachableDatabase.class);

    @Bean
    FilterRegistrationBean<Answer> unreachableDatabaseAnswered503() {
        FilterRegistrationBean<Answer> registration = new FilterRegistrationBean<>(new Answer());
        // before Spring Session's filter (HIGHEST_PRECEDENCE + 50), whose look-up of the session is the first query
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Once a request has found the database out of reach, the others are answered 503 at once while one request at a
     * time tries it: each page waited the pool's 30 s for its 503 (a leader's phone showed a blank page for half a
     * minute, again at every tap). The first request to get through closes it again; a trial still waiting when the
     * database comes back gets its connection then, as the pool keeps trying.
     */
    static final class Answer extends OncePerRequestFilter {

        /** When the database was found out of reach, or null while it answers. */
        private final AtomicReference<Instant> outOfReachSince = new AtomicReference<>();
        private final AtomicBoolean trying = new AtomicBoolean();
        private final AtomicLong answeredAtOnce = new AtomicLong();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean trial = false;
            if (outOfReachSince.get() != null && !needsNoDatabase(request.getRequestURI())) {
                if (!trying.compareAndSet(false, true)) {
                    answeredAtOnce.incrementAndGet();
                    answer(request, response);
                    return;
                }
                trial = true;
            }
            try {
                chain.doFilter(request, response);
                // a page that caught the failure itself answers 5xx without throwing it: no sign the database is back
                if (trial && response.getStatus() < 500) {
                    Instant since = outOfReachSince.getAndSet(null);
                    if (since != null) {
                        log.info("the database answers again, after {} s; {} requests were answered 503 at once meanwhile",
                                Duration.between(since, Instant.now()).toSeconds(), answeredAtOnce.getAndSet(0));
                    }
                }
            } catch (ServletException | IOException | RuntimeException e) {
                if (!DatabaseDown.isCause(e)) {
                    throw e;
                }
                outOfReachSince.compareAndSet(null, Instant.now());
                log.warn("{} {}: 503, the database is not reachable: {}", request.getMethod(), request.getRequestURI(), DatabaseDown.why(e));
                if (!response.isCommitted()) {
                    answer(request, response);
                }
            } finally {
                if (trial) {
                    trying.set(false);
                }
            }
        }
    }

    /**
     * What is answered whatever the database: the stylesheet of the 503 page itself, fetched right after it, would
     * have been the trial that "got through"; and the health probe, which says DOWN itself.
     */
    private static boolean needsNoDatabase(String uri) {
        return uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/images/") || uri.startsWith("/fonts/")
                || uri.equals("/favicon.ico") || uri.equals("/actuator/health");
    }

    /** 503 with Retry-After: {"error": …} under /api and /actuator, the short Chinese page elsewhere. */
    static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
            Refusals.json(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ENGLISH);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ContainerErrors.page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, CHINESE));
        response.getWriter().flush();
    }
}
