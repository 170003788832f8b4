package org.fraudstats.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A session cookie that is no session id of ours is no session: Spring Session decoded {@code SESSION=AAAA} to three
 * NUL bytes and asked PostgreSQL for that session, which refused the string, and every address (the sign-in page,
 * /actuator/health, the API with a valid token) answered 500 with some 370 lines of stack trace in serve's log, for
 * anyone whose browser carried such a cookie (r39d). Spring Session's ids are random UUIDs, base64 in the cookie.
 * On every dispatch, the container's error pages too: Spring Session reads the cookie again there, from the request
 * as the container has it, and a 404 or a refused POST still logged two traces each (review r39e).
 */
@Configuration(proxyBeanMethods = false)
class UnreadableSessionCookies {

    static final String COOKIE = "SESSION";
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Bean
    FilterRegistrationBean<Dropped> unreadableSessionCookiesDropped() {
        FilterRegistrationBean<Dropped> registration = new FilterRegistrationBean<>(new Dropped());
        // before Spring Session's filter (HIGHEST_PRECEDENCE + 50), which reads the cookie; after UnreachableDatabase's
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** Whether a SESSION cookie's value is one Spring Session could have written. */
    static boolean readable(String value) {
        try {
            return SESSION_ID.matcher(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)).matches();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Not a OncePerRequestFilter: that one lets an error dispatch through unfiltered. */
    static final class Dropped implements Filter {

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (!(servletRequest instanceof HttpServletRequest request)) {
                chain.doFilter(servletRequest, response);
                return;
            }
            Cookie[] cookies = request.getCookies();
            if (cookies == null || Arrays.stream(cookies).allMatch(c -> !COOKIE.equals(c.getName()) || readable(c.getValue()))) {
                chain.doFilter(request, response);
                return;
            }
            Cookie[] kept = Arrays.stream(cookies).filter(c -> !COOKIE.equals(c.getName()) || readable(c.getValue())).toArray(Cookie[]::new);
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public Cookie[] getCookies() {
                    return kept.length == 0 ? null : kept;
                }
            }, response);
        }
    }
}
