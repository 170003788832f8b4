package org.fraudstats.web.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A sign-in takes its name, password and TOTP code from the form only, never from the address (so do /account's
 * password and token forms their current and new passwords): the servlet's
 * parameters mix both, so `POST /login?username=…&password=…` signed in, with the password in every proxy's and
 * server's access log on the way (r40d), which web.md's form and the README's "never logged" rule out. Those
 * fields' values from the query string are dropped, so such a sign-in fails as one with no password does.
 */
final class FormOnlyCredentials extends OncePerRequestFilter {

    /** The sign-in's fields, and the current and new passwords of /account's forms (review r40e). */
    private static final Set<String> FIELDS = Set.of("username", "password", "code", "current", "repeat");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, Integer> inAddress = new HashMap<>();
        for (String pair : request.getQueryString().split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a broken escape: the name as written, as Tomcat reads it
            }
            if (FIELDS.contains(name)) {
                inAddress.merge(name, 1, Integer::sum);
            }
        }
        chain.doFilter(inAddress.isEmpty() ? request : new FormFields(request, inAddress), response);
    }

    /** The request without the address's values of the credential fields (the servlet lists them before the body's). */
    private static final class FormFields extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        FormFields(HttpServletRequest request, Map<String, Integer> inAddress) {
            super(request);
            request.getParameterMap().forEach((name, values) -> {
                int skipped = inAddress.getOrDefault(name, 0);
                if (values.length > skipped) {
                    parameters.put(name, Arrays.copyOfRange(values, skipped, values.length));
                }
            });
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(List.copyOf(parameters.keySet()));
        }
    }
}
