package org.fraudstats.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * A new password, API token or TOTP key, put in the answer to the POST that made it, never in a flash attribute: a
 * flash map lives in the session until the next request (or the session's end when the redirect is not followed),
 * and Spring Session JDBC writes the session into spring_session_attributes, so into the WAL and the backups, where
 * web.md allows a password or token only hashed and a TOTP key only in the users table. no-store keeps the answer out
 * of the browser's and any proxy's cache; a reload posts again, which the browser asks to confirm, and the page says
 * what confirming would do.
 */
final class ShownOnce {

    private ShownOnce() {
    }

    static void show(Model model, HttpServletResponse response, String label, String secret, String reload) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("secretLabel", label);
        model.addAttribute("secret", secret);
        model.addAttribute("secretReload", reload);
    }
}
