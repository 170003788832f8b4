package org.fraudstats.web.security;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * OPTIONS is no method of the portal or the API (same origin only: no CORS). Spring MVC answered it itself, 200 with
 * the methods allowed, without the controller's role check: a statistician's OPTIONS of /api/v1/audit was answered
 * and not audited where the GET is a 403 (MLPS tester). Refused here with 405, after sign-in has been checked (an
 * anonymous one is the 401 of any request), so the error page records it with its method and who sent it. The 405
 * says, in Allow, the methods the path does take (RFC 9110 wants it): those the controllers map it to, and HEAD
 * wherever GET is (it is answered as GET without its body; Spring's own 405 of DELETE leaves it out), and GET, HEAD
 * for the portal's static files; a path nothing serves is a 404, as its GET is. The list is the path's, whatever the
 * role may do with it: a 403 says as much.
 */
@Configuration(proxyBeanMethods = false)
class OptionsRefused {

    @Bean
    FilterRegistrationBean<Refuse> optionsRefusedAfterSignIn(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        FilterRegistrationBean<Refuse> registration = new FilterRegistrationBean<>(new Refuse(mappings));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    static final class Refuse extends OncePerRequestFilter {

        private final ObjectProvider<RequestMappingHandlerMapping> mappings;

        Refuse(ObjectProvider<RequestMappingHandlerMapping> mappings) {
            this.mappings = mappings;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("OPTIONS".equalsIgnoreCase(request.getMethod())) {
                Set<String> allowed = new TreeSet<>(allowed(request));
                // the sign-in page is a controller's GET and Spring Security's POST: both
                allowed.addAll(servedElsewhere(request));
                if (allowed.isEmpty()) {
                    // nothing is there, whatever the method: a 405 said the path exists, without the Allow it owes
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                response.setHeader("Allow", String.join(", ", allowed));
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * The methods of a path something besides the controllers serves: the sign-in and sign-out Spring Security
         * answers, the actuator's paths (any under /actuator/, whether its endpoint exists or not), the portal's own
         * files (a 404 said them absent: review 30b); none else.
         */
        private static Set<String> servedElsewhere(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/logout")) {
                return Set.of("POST");
            }
            if (path.equals("/login") || path.equals("/login/totp")) {
                return Set.of("GET", "HEAD", "POST");
            }
            if (path.startsWith("/actuator/") || staticFile(path)) {
                return Set.of("GET", "HEAD");
            }
            return Set.of();
        }

        /** Whether the path is one of the portal's own files (static/: its style sheet and script), served by GET. */
        private static boolean staticFile(String path) {
            if (path.isEmpty() || path.endsWith("/") || path.contains("..") || path.contains("//") || path.contains("\\")) {
                return false;
            }
            return new ClassPathResource("static" + path).isReadable();
        }

        /** The methods the controllers map to this path (none for a static file or a path nothing serves). */
        private Set<String> allowed(HttpServletRequest request) {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            Set<String> allowed = new TreeSet<>();
            if (mapping == null) {
                return allowed;
            }
            Object parsedBefore = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            ServletRequestPathUtils.parseAndCache(request);
            try {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    if (info.getPathPatternsCondition() != null && info.getPathPatternsCondition().getMatchingCondition(request) != null) {
                        // a mapping of no method (the error page's) takes any: it says nothing of the path's own
                        for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                            allowed.add(m.name());
                            if (m == RequestMethod.GET) {
                                allowed.add("HEAD");
                            }
                        }
                    }
                }
            } finally {
                if (parsedBefore == null) {
                    ServletRequestPathUtils.clearParsedRequestPath(request);
                } else {
                    request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedBefore);
                }
            }
            return allowed;
        }
    }
}
