package org.fraudstats.web.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OPTIONS is no method of the portal or the API (same origin only: no CORS). Spring MVC answered it itself, 200 with
 * the methods allowed, without the controller's role check: a statistician's OPTIONS of /api/v1/audit was answered
 * and not audited where the GET is a 403 (MLPS tester). Refused here with 405, after sign-in has been checked (an
 * anonymous one is the 401 of any request), so the error page records it with its method and who sent it.
 */
@Configuration(proxyBeanMethods = false)
class OptionsRefused {

    @Bean
    FilterRegistrationBean<Refuse> optionsRefusedAfterSignIn() {
        FilterRegistrationBean<Refuse> registration = new FilterRegistrationBean<>(new Refuse());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    static final class Refuse extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("OPTIONS".equalsIgnoreCase(request.getMethod())) {
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
