package org.fraudstats.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.fraudstats.access.UserAccount;
import org.fraudstats.access.Users;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session is checked against the users table on every request (web.md: "a disabled user … is
 * refused at once, sessions included"): a user since disabled, removed or given another role loses the session
 * there and then, and the request goes on as anonymous (401 under /api, the sign-in form on pages).
 */
class StillValid extends OncePerRequestFilter {

    private final Users users;

    StillValid(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> signedIn = CurrentUser.get();
        if (signedIn.isPresent()) {
            Optional<UserAccount> now = users.find(signedIn.get().name());
            if (now.isEmpty() || !now.get().enabled() || now.get().role() != signedIn.get().role()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
