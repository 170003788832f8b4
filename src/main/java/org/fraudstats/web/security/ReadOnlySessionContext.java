package org.fraudstats.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API's view of the session: it reads the sign-in a browser's session holds (the portal's scripts call the API
 * with it) and never writes one. Sign-ins happen on the pages' chain, through the password and the TOTP code; the
 * API's session management saved a token's user into the session its request came with, so an anonymous browser
 * session sent once beside an administrator's token became the administrator's portal session, past the password
 * and the code, with no sign-in recorded, and outlived the token's revocation (r37b F1).
 */
final class ReadOnlySessionContext implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        // not the session repository's own: it wraps the response to save the context when the response is sent
        return sessions.loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return sessions.loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // never: see above
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }
}
