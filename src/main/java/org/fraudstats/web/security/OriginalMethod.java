package org.fraudstats.web.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
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

    /**
     * The method the request came with. A 405 no filter of ours saw was Tomcat's own refusal, before the filters, which
     * Tomcat makes of TRACE alone (its connector's allowTrace is off; a Tomcat behaviour, not the servlet API's): its
     * error page is dispatched as a GET, and the record read "GET /api/v1/audit … 405", a refusal no GET gets (MLPS
     * tester).
     */
    static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String method) {
            return method;
        }
        boolean refusedByTomcat = request.getDispatcherType() == DispatcherType.ERROR && "GET".equals(request.getMethod())
                && Integer.valueOf(HttpServletResponse.SC_METHOD_NOT_ALLOWED).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        return refusedByTomcat ? "TRACE" : request.getMethod();
    }
}
