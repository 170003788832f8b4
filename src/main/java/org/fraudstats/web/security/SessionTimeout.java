package org.fraudstats.web.security;

import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * How long the signed-in session stays alive idle, for the page's warning before it ends (portal.js): the session's
 * own limit, which Spring Session enforces whichever key set it; without a session (a page rendered for a test's
 * request), the setting read as Spring Boot reads it, a bare number in seconds. Read with @Value as a Duration,
 * SERVER_SERVLET_SESSION_TIMEOUT=3600 was 3.6 seconds and every page said the session had ended (review).
 */
@Component
public class SessionTimeout {

    private final long configuredSeconds;

    SessionTimeout(@Value("${spring.session.timeout:${server.servlet.session.timeout:30m}}") String configured) {
        this.configuredSeconds = seconds(configured);
    }

    /** Seconds of a timeout written as Spring Boot reads server.servlet.session.timeout: 30m, PT30M, or 1800 (seconds). */
    static long seconds(String written) {
        return DurationStyle.detectAndParse(written.strip(), ChronoUnit.SECONDS).toSeconds();
    }

    /** The configured limit as the sign-in page says it: 30 分钟, or 240 秒 when it is no whole number of minutes. */
    public String said() {
        return configuredSeconds % 60 == 0 ? configuredSeconds / 60 + " 分钟" : configuredSeconds + " 秒";
    }

    public long seconds(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        int own = session == null ? 0 : session.getMaxInactiveInterval();
        return own > 0 ? own : configuredSeconds;
    }
}
