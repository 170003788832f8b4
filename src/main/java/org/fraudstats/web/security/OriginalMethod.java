package org.fraudstats.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the method a request came with, before anything refuses it: the error page that records a refusal (a 405, a
 * path the firewall refuses) is dispatched as a GET, and recorded so a DELETE of the audit log read "GET /api/v1/audit".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OriginalMethod extends OncePerRequestFilter {

    static final String ATTRIBUTE = OriginalMethod.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, request.getMethod());
        chain.doFilter(request, response);
    }

    static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String method ? method : request.getMethod();
    }
}
