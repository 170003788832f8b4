package org.fraudstats.web.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fraudstats.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is signed in, as every page's header shows it (web.md: name and role), and the pages their role may open,
 * in the order of the navigation bar.
 */
public record SignedIn(String name, Role role) {

    /** One link of the navigation bar. */
    /**
     * The session's attribute holding the page asked for while the password had to be changed first, which the
     * change then leads to (web/security/StillValid keeps it, AccountPage follows it).
     */
    public static final String PAGE_AFTER_PASSWORD = SignedIn.class.getName() + ".pageAfterPassword";

    public record Link(String href, String label) {
    }

    /** Who is signed in, or empty for an anonymous request (the error pages are open to it). */
    public static java.util.Optional<SignedIn> current() {
        Authentication who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated()
                || who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken
                ? java.util.Optional.empty() : java.util.Optional.of(of(who));
    }

    static SignedIn of(Authentication who) {
        Role role = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(a -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(a)))
                .findFirst().orElse(null);
        return new SignedIn(who.getName(), role);
    }

    public String roleName() {
        return role == null ? "" : role.chineseName();
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** The start page of web.md: the latest bulletin, the headline page, the users page or the audit log. */
    public String home() {
        if (role == null) {
            return "/account";
        }
        return switch (role) {
            case LEADER, STATISTICIAN -> "/bulletins/latest";
            case PRESS -> "/headline";
            case ADMIN -> "/users";
            case AUDITOR -> "/audit";
        };
    }

    /** The link of the page at {@code path}: the same path, or else the longest link the path lies below. */
    public String current(String path) {
        String best = "";
        for (Link link : links()) {
            if ((path.equals(link.href()) || path.startsWith(link.href() + "/")) && link.href().length() > best.length()) {
                best = link.href();
            }
        }
        if (path.equals("/bulletins/latest")) {
            return "/bulletins/latest";
        }
        return best;
    }

    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        if (role == Role.LEADER || role == Role.STATISTICIAN) {
            links.add(new Link("/bulletins/latest", "最新通报"));
            links.add(new Link("/bulletins", "通报档案"));
            links.add(new Link("/figures", "统计数据"));
        }
        if (role == Role.LEADER || role == Role.STATISTICIAN || role == Role.PRESS) {
            links.add(new Link("/headline", "新闻口径"));
        }
        if (role == Role.STATISTICIAN) {
            links.add(new Link("/runs", "运行与重算"));
            links.add(new Link("/rejects", "拒收记录"));
        }
        if (role == Role.ADMIN) {
            links.add(new Link("/users", "用户与令牌"));
            links.add(new Link("/schedules", "定时任务"));
        }
        if (role == Role.AUDITOR) {
            links.add(new Link("/audit", "审计日志"));
        }
        links.add(new Link("/account", "我的账户"));
        return links;
    }
}
