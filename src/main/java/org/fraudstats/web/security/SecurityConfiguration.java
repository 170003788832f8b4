package org.fraudstats.web.security;

import java.time.Instant;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.Users;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Security for `serve` (web.md), one chain per surface as spring-security-samples do:
 * <ul>
 * <li>/api/** and /actuator/**: a bearer token or the signed-in session; 401/403 as JSON, never a redirect; CSRF
 * checked for session requests only (a bearer token is not sent by the browser on its own, so cannot be forged);
 * no session is created;</li>
 * <li>pages: the form at /login, CSRF on every form, the session in PostgreSQL (Spring Session JDBC, 30 minutes
 * idle: server.servlet.session.timeout), its id changed at sign-in.</li>
 * </ul>
 * In both, a signed-in user is checked against the users table on every request ({@link StillValid}). Roles are
 * checked by the controllers with @PreAuthorize (authorities ROLE_LEADER …, {@link org.fraudstats.access.Role#authority()}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** Same origin only, no inline script or style, no plug-ins, not framed; images may be data: (the QR code is a file). */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'self'; "
            + "frame-ancestors 'none'";
    /** A PDF is shown inline in the portal's own bulletin page (an iframe), so files may be framed by the portal alone. */
    static final String FILE_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

    @Bean
    PasswordAndCode passwordAndCode(SignIn signIn) {
        return new PasswordAndCode(signIn);
    }

    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions, SignIn signIn, Users users,
                                    NamedParameterJdbcTemplate jdbc,
                                    org.springframework.transaction.PlatformTransactionManager transactions) {
        return ReplacedSessions.registry(sessions, signIn, users, jdbc,
                new org.springframework.transaction.support.TransactionTemplate(transactions));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Tokens tokens, Users users, SignIn signIn, Refusals refusals,
                            SessionRegistry sessionRegistry, NamedParameterJdbcTemplate jdbc)
            throws Exception {
        // A forged cross-site request rides on the browser's session cookie; a bearer request or one without a
        // session has nothing to ride on, and must reach authentication to be answered 401 (web.md), not a CSRF 403.
        // Only the Bearer scheme counts: a browser adds Basic (a proxy's) on its own, and BearerTokens ignores it,
        // so such a request runs on the session and must show its CSRF token like any other.
        RequestMatcher noSession = request -> BearerTokens.isBearer(request) || request.getSession(false) == null;
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        // A streamed listing (/rejects, /audit: a StreamingResponseBody) is run by the container a
                        // second time, as an ASYNC dispatch, once its body is written. That dispatch only continues a
                        // request this chain authorized on its REQUEST dispatch (and whose controller checked the role
                        // with @PreAuthorize); a client cannot make one. BearerTokens, a OncePerRequestFilter, does not
                        // run again on it, so denying an anonymous ASYNC dispatch refused every token's download after
                        // the body had been sent: 4 ERRORs logged and the answer cut before its last chunk. Spring
                        // Security's documented way: permit the ASYNC dispatch type.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // a session's sign-in is read here, never written, nor its id changed: a token's user was saved into
                // the session its request came with, a portal session past the password and the TOTP code (r37b F1)
                .securityContext(context -> context.securityContextRepository(new ReadOnlySessionContext()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .sessionFixation(fixation -> fixation.none()))
                // nor its CSRF token renewed, as a sign-in would: a token's request with a browser's cookie took the token
                // of the sign-in form open in that browser, which then failed with 403 (r37d)
                .csrf(csrf -> csrf.ignoringRequestMatchers(noSession)
                        .sessionAuthenticationStrategy(new org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals.apiUnauthorized())
                        .accessDeniedHandler(refusals.apiForbidden()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.frameOptions(frames -> frames.disable())
                        .addHeaderWriter(framing()))
                // both right after the security context, in this order (equal orders keep it): naming
                // ConcurrentSessionFilter.class as the anchor would put StillValid at that filter's standard slot,
                // after CSRF and logout (review)
                .addFilterAfter(ReplacedSessions.apiCheck(sessionRegistry, signIn, users, refusals, jdbc), SecurityContextHolderFilter.class)
                .addFilterAfter(new StillValid(users, signIn, refusals, true), SecurityContextHolderFilter.class)
                .addFilterAfter(new BearerTokens(tokens, refusals), StillValid.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Users users, SignIn signIn, Refusals refusals, SessionRegistry sessionRegistry,
                              NamedParameterJdbcTemplate jdbc) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/totp", "/login/totp/qr.svg", "/error", "/css/**", "/js/**",
                                "/images/**", "/fonts/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").usernameParameter("username").passwordParameter("password")
                        .authenticationDetailsSource(PasswordAndCode.DETAILS)
                        .failureHandler(signInFailed())
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(signedOut(signIn, sessionRegistry, jdbc))
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(refusals.pageForbidden())
                        .authenticationEntryPoint(toSignIn()))
                .requestCache(cache -> cache.requestCache(new ContinueAfterSignIn()))
                .sessionManagement(sessions -> sessions.maximumSessions(ReplacedSessions.MAX_SESSIONS)
                        .sessionRegistry(sessionRegistry)
                        .expiredSessionStrategy(ReplacedSessions.endedPage()))
                .headers(headers -> headers.frameOptions(frames -> frames.disable())
                        .addHeaderWriter(framing()))
                .addFilterAfter(new StillValid(users, signIn, refusals, false), SecurityContextHolderFilter.class)
                .addFilterBefore(new FormOnlyCredentials(),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The sign-in page by its path alone, never with a host taken from the request (server.tomcat.use-relative-redirects);
     * with 登录已超时 when the browser still sent a session that has ended (a leader tapping a link after half an hour
     * was shown the bare sign-in form, as if never signed in).
     */
    private static AuthenticationEntryPoint toSignIn() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login") {
            @Override
            protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                             AuthenticationException e) {
                return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() ? "/login?expired" : "/login";
            }
        };
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /** CSP and X-Frame-Options on every response: never framed, but a PDF may be framed by the portal's own page. */
    private static HeaderWriter framing() {
        return (request, response) -> {
            boolean file = isFile(request);
            response.setHeader("Content-Security-Policy", file ? FILE_CSP : CSP);
            response.setHeader("X-Frame-Options", file ? "SAMEORIGIN" : "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
        };
    }

    private static boolean isFile(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && path.endsWith(".pdf");
    }

    /** Where a refused sign-in goes: the same message for a wrong password and a lock; the QR code page when pending. */
    private static AuthenticationFailureHandler signInFailed() {
        return (request, response, e) -> {
            String target = "/login?error";
            if (e instanceof PasswordAndCode.TotpPending pending) {
                // a session id planted before the password was typed (a sibling subdomain's cookie) must not be the
                // one that may read the new key at /login/totp and send its first code
                request.getSession();
                request.changeSessionId();
                request.getSession().setAttribute(LoginPages.PENDING, new LoginPages.Pending(pending.user, Instant.now()));
                // a String beside it, not a field of Pending: a session kept across the upgrade still reads
                request.getSession().setAttribute(LoginPages.CHECKED, pending.checked);
                request.getSession().removeAttribute(LoginPages.TRIES); // a new pending sign-in has its tries anew
                target = "/login/totp";
            }
            if (target.equals("/login?error")) {
                // the name typed is shown again (not in the address, which logs keep): on a phone the whole form was
                // typed anew after one wrong password (accessibility tester). Never a card number or a password typed
                // in the wrong field, shown on a page and kept in the session table
                String typed = request.getParameter("username") == null ? null : request.getParameter("username").strip();
                if (org.fraudstats.access.Users.possibleName(typed)) {
                    request.getSession().setAttribute(LoginPages.TYPED_NAME, typed);
                }
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    private static LogoutHandler signedOut(SignIn signIn, SessionRegistry sessions,
                                           NamedParameterJdbcTemplate jdbc) {
        return (request, response, authentication) -> {
            // a session ended by newer sign-ins is logged out on its next request, by the session check or by a
            // sign-out it asks for: its end was recorded by the sign-in that ended it (V42), or, when that record
            // failed, is recorded now as that
            var session = request.getSession(false);
            var information = session == null ? null : sessions.getSessionInformation(session.getId());
            boolean replaced = information != null && information.isExpired();
            if (replaced && ReplacedSessions.endRecorded(jdbc, session.getId())) {
                return;
            }
            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                try {
                    if (replaced) {
                        signIn.sessionEnded(user.name(), user.role(), Clients.address(request), ReplacedSessions.WHY);
                    } else {
                        signIn.signedOut(user.name(), user.role(), Clients.address(request));
                    }
                } catch (RuntimeException e) {
                    // ending a session takes access away: it goes on when the audit cannot record it (the disk full),
                    // where the refusal left the session alive and answered 500 (MLPS tester). The log says it.
                    LoggerFactory.getLogger(SecurityConfiguration.class).error("sign-out of {} not recorded in the audit log: {}",
                            user.name(), e.toString());
                }
            }
        };
    }
}
