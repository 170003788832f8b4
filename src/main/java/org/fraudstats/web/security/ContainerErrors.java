package org.fraudstats.web.security;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Requests Tomcat refuses before the application sees them (a path with an encoded NUL, {@code /api/v1/x%00}, that no
 * URL decoding may pass on) were answered with Tomcat's own English HTML page. They now get what every other error
 * gets (ErrorPages): {@code {"error": "bad request"}} under /api and /actuator, a short Chinese page elsewhere, with
 * no server name and no detail of the request.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    TomcatContextCustomizer containerErrorsAnsweredLikeTheApplicationsOwn() {
        // the context is already a child of its host here, and the host not yet started: it makes its report valve
        // from this class name when it starts
        return context -> ((StandardHost) context.getParent()).setErrorReportValveClass(Report.class.getName());
    }

    /**
     * A query or form Tomcat cannot decode ({@code ?card=…%}, {@code %ZZ}) is refused here, 400 with the answer of
     * {@link Report}, before anything reads a parameter: read later, Tomcat's exception went up through the
     * dispatcher and was logged at ERROR with its stack trace and the parameter's value in it, so that anyone, without
     * signing in, could write into the server's log (a card number; after CR LF, a line of their own).
     */
    @Bean
    FilterRegistrationBean<UndecodableParameters> undecodableParametersRefused() {
        FilterRegistrationBean<UndecodableParameters> registration = new FilterRegistrationBean<>(new UndecodableParameters());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class UndecodableParameters extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // UTF-8 before the parameters are parsed, as Boot's encoding filter would set it (forced, whatever the client
            // names): that filter may run after this one, and the parameters parsed here stay parsed. Read as
            // ISO-8859-1, a browser's form (its Content-Type names no charset) made each é two characters of two kinds,
            // so a password weaker than web.md allows passed, and one set by the CLI never matched (tester)
            request.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * The short Chinese page of an error answered without the application (no template, no session, no database):
     * the status and what it means to a person.
     */
    static String page(int status, String message) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + status + " · 统计通报平台</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head>"
                + "<body><main class=\"page\"><h1>" + status + "</h1><p>" + message + "</p>"
                + "<p><a href=\"/\">返回首页</a></p></main></body></html>";
    }

    /** Host valve; Tomcat makes it by reflection, hence public with a public constructor. */
    public static class Report extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's own: nothing for a success or redirect, for a response already begun, or one reported already
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            String uri = request.getRequestURI();
            boolean api = Refusals.answeredInJson(uri);
            HttpStatus known = HttpStatus.resolve(status);
            String reason = known == null ? "error " + status : known.getReasonPhrase().toLowerCase(Locale.ROOT);
            try {
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
                // as SecurityConfiguration.framing() writes them on every other answer (r34a: missing on /%2e%2e/x)
                if (!response.containsHeader("X-Frame-Options")) {
                    response.setHeader("X-Frame-Options", "DENY");
                }
                if (!response.containsHeader("Referrer-Policy")) {
                    response.setHeader("Referrer-Policy", "same-origin");
                }
                if (request.isSecure()) {
                    // what Spring Security adds to every other HTTPS answer
                    response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
                }
                if (api) {
                    response.setHeader("Content-Disposition", Refusals.ERROR_FILE);
                    response.setContentType("application/json");
                    response.setCharacterEncoding("UTF-8");
                } else {
                    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
                    response.setContentType("text/html");
                    response.setCharacterEncoding("UTF-8");
                }
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(api ? "{\"error\":\"" + reason + "\"}" : page(status, ErrorPages.message(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot take a body: nothing more to say
            }
        }
    }
}
