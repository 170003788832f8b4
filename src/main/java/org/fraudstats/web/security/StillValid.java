package org.fraudstats.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.UserAccount;
import org.fraudstats.access.Users;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session is checked against the users table on every request (web.md: "a disabled user … is
 * refused at once, sessions included"): a user since disabled, removed or given another role loses the session
 * there and then, and the request goes on as anonymous (401 under /api, the sign-in form on pages). The end is
 * audited with the user's name (sign-out, ended: disabled): the refusals that follow are anonymous. A session whose
 * password is due (UserAccount.passwordChangeDue) is sent to the account page for every other request.
 */
class StillValid extends OncePerRequestFilter {

    private final Users users;
    private final SignIn signIn;
    private final Refusals refusals;
    private final boolean api;

    /** @param api whether this is the chain of /api and /actuator, which answers JSON, never a redirect */
    StillValid(Users users, SignIn signIn, Refusals refusals, boolean api) {
        this.users = users;
        this.signIn = signIn;
        this.refusals = refusals;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> signedIn = CurrentUser.get();
        if (signedIn.isPresent()) {
            Optional<UserAccount> now = users.find(signedIn.get().name());
            if (now.isEmpty() || !now.get().enabled() || now.get().role() != signedIn.get().role()) {
                try {
                    signIn.sessionEnded(signedIn.get().name(), signedIn.get().role(), Clients.address(request),
                            now.isEmpty() ? "removed" : !now.get().enabled() ? "disabled" : "role changed");
                } catch (RuntimeException e) {
                    // ending the session takes access away: it goes on when the audit cannot record it, as sign-out does
                    LoggerFactory.getLogger(StillValid.class).error("end of {}'s session not recorded in the audit log: {}",
                            signedIn.get().name(), e.toString());
                }
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (now.get().passwordChangeDue() && (api ? !isHealth(request) : !whilePasswordDue(request))) {
                // an initial or reset password, or one 90 days old, is changed before anything else is read: the
                // account page says why and has the form (MLPS: a password someone else set is not kept); the API
                // answers a refusal in JSON, audited, as every refusal there
                if (api) {
                    refusals.passwordDue(request, response);
                } else {
                    // the page asked for (a bulletin's link in the morning mail, opened at a first sign-in) is kept for
                    // after the change: it was lost, and the leader landed on /account (r44c)
                    String asked = ContinueAfterSignIn.pageToGoOnTo(request);
                    if (asked != null && !asked.startsWith("/account") && asked.length() <= 2000
                            && org.fraudstats.storage.DigitRuns.mask(asked).equals(asked)) {
                        request.getSession().setAttribute(org.fraudstats.web.pages.SignedIn.PAGE_AFTER_PASSWORD, asked);
                    }
                    response.sendRedirect(request.getContextPath() + PASSWORD_DUE_PAGE);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static final String PASSWORD_DUE_PAGE = "/account?password-due";

    /** The health check answers without credentials: a session whose password is due fared worse than none (MLPS tester). */
    private static boolean isHealth(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).equals("/actuator/health");
    }

    /** What a session whose password is due may still ask: the form to change it, signing out, and what pages need. */
    private static boolean whilePasswordDue(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // /account/session: 继续使用 of the idle warning, on the very form that changes the password (tester)
        return path.equals("/account") || path.equals("/account/password") || path.equals("/account/token/revoke")
                || path.equals("/account/session")
                || path.equals("/logout")
                || path.startsWith("/login") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/error") || path.equals("/favicon.ico");
    }
}
