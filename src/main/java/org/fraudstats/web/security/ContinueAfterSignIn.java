package org.fraudstats.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.security.web.util.UrlUtils;

/**
 * The page a sign-in goes on to: the one asked for before it, kept as its path and query alone. Spring Security's
 * default cache kept the whole request in the session, every header with it, so a script that sent its token
 * ({@code Authorization: Bearer …}) or a Basic password to a page's address instead of /api/v1 left that secret in
 * clear in {@code spring_session_attributes}, its WAL and its backups. A request that carried credentials, or was
 * not a GET, is not kept at all: nobody signs in to be sent on to it.
 */
final class ContinueAfterSignIn implements RequestCache {

    private static final String ATTRIBUTE = ContinueAfterSignIn.class.getName() + ".path";

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return;
        }
        // relative to the application, as the redirect strategy expects: never a host taken from the request
        request.getSession().setAttribute(ATTRIBUTE, UrlUtils.buildRequestUrl(request));
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof String path ? new SimpleSavedRequest(path) : null;
    }

    /** Forgets the page once it is reached; a request is never replayed, the browser asks for the page again. */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof String path && path.equals(UrlUtils.buildRequestUrl(request))) {
            session.removeAttribute(ATTRIBUTE);
        }
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
