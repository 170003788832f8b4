package org.fraudstats.web.pages;

/** The portal's own page a request was sent from, to lead back to (a 400's form, an expired form's page). */
public final class FormBefore {

    private FormBefore() {
    }

    /**
     * The page the wrong request came from (its form as it was), when it was one of the portal's own: a press officer
     * on a phone whose 起止 were the wrong way round had only 返回首页, and chose everything again (accessibility
     * tester). Nothing that holds a run of digits like an account number is put back in a page.
     */
    public static String of(jakarta.servlet.http.HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            java.net.URI from = java.net.URI.create(referer);
            String path = from.getRawPath();
            if (from.getHost() == null || !from.getHost().equalsIgnoreCase(request.getServerName()) || path == null
                    || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/login") || path.startsWith("/logout")) {
                return null;
            }
            String back = path + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            return org.fraudstats.storage.DigitRuns.mask(back).equals(back) && back.length() <= 2000 ? back : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
