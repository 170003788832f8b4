package org.fraudstats.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.UserAccount;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * `Authorization: Bearer TOKEN` for scripts (web.md): the token's user, with its role, for this one request
 * (nothing is kept in a session). The token is looked up on every request, so an expired token or a disabled
 * user is refused at once; a bad token is a 401 whatever the path.
 */
class BearerTokens extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";
    /** The request attribute that holds the token's user, for the error page. */
    static final String HOLDER = BearerTokens.class.getName() + ".holder";

    private final Tokens tokens;
    private final Refusals refusals;

    BearerTokens(Tokens tokens, Refusals refusals) {
        this.tokens = tokens;
        this.refusals = refusals;
    }

    /** Whether the request carries `Authorization: Bearer …` (the scheme in any case, RFC 9110). */
    static boolean isBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<Tokens.Bearer> bearer = tokens.bearer(header.substring(SCHEME.length()));
        if (bearer.isEmpty()) {
            Optional<Tokens.Refused> refused = tokens.refused(header.substring(SCHEME.length()));
            if (refused.isPresent()) {
                // whose token it was, and why it no longer opens: not an anonymous 401 like a made-up string (tester B)
                request.setAttribute(Clients.TOKEN_ID, refused.get().tokenId());
                refusals.unauthorized(request, response, Refusals.BAD_TOKEN, refused.get().user(), refused.get().role(),
                        refused.get().why());
            } else {
                refusals.unauthorized(request, response, Refusals.BAD_TOKEN);
            }
            return;
        }
        request.setAttribute(Clients.TOKEN_ID, bearer.get().tokenId());
        UserAccount holder = bearer.get().account();
        CurrentUser user = new CurrentUser(holder.name(), holder.role(), Clients.address(request));
        // the error page (a 405) runs after this filter has cleared the context: it names the user from here (review)
        request.setAttribute(HOLDER, user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Authorities.of(user));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
