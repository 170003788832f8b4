package org.fraudstats.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

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
        String page = pageToGoOnTo(request);
        if (page != null) {
            request.getSession().setAttribute(ATTRIBUTE, page);
        }
    }

    /**
     * The page a browser asked for, to be sent on to once the sign-in, or the password change it must make first
     * (StillValid), is done; null for what is no page to land on (a script's poll, a POST, a request with credentials)
     * or a path a browser would read as another site's.
     */
    static String pageToGoOnTo(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || "XMLHttpRequest".equals(request.getHeader("X-Requested-With")) || notAPage(request)) {
            return null;
        }
        return pageOf(request);
    }

    /**
     * The page as the browser asked for it, still encoded, relative to the application, as the redirect strategy
     * expects: never a host taken from the request. The decoded path was kept until 2026-12-06: /%09/evil.example went
     * back as "Location: /&lt;TAB&gt;/evil.example", which a browser reads as //evil.example, another site (review r35d;
     * only the form-action policy stopped it). A path that would still be read so (a control character, a backslash,
     * two slashes first) is not kept: the sign-in goes to the start page.
     */
    static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String page = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        boolean safe = page.startsWith("/") && !page.startsWith("//") && page.chars().noneMatch(c -> c < 0x21 || c == 0x7f || c == '\\' || c > 0x7e);
        return safe ? page : null;
    }

    /**
     * What a page's script asks, never a page to be sent on to: 继续使用 after the session had ended kept
     * /account/session, and the next sign-in landed on its 204, which a browser does not leave the form for (review).
     */
    private static boolean notAPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account/session") || path.endsWith(".json")
                || request.getHeader("Sec-Fetch-Mode") != null && !"navigate".equals(request.getHeader("Sec-Fetch-Mode"));
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
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof String path && path.equals(pageOf(request))) {
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
