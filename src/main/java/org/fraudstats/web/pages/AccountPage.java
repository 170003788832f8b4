package org.fraudstats.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.fraudstats.access.AccessProblem;
import org.fraudstats.access.PasswordPolicy;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.Users;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.SignedInActor;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own account (web.md: everyone may change their own password and create their own tokens): a new password
 * and a new token need the current password (a session left open is not enough to take the account over), and a wrong
 * one counts towards the sign-in lock, which ends the session when reached; one's tokens are listed and can be revoked.
 */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN', 'PRESS', 'ADMIN', 'AUDITOR')")
class AccountPage {

    private final Users users;
    private final Tokens tokens;
    private final PortalAudit audit;
    private final java.time.Clock clock;

    AccountPage(Users users, Tokens tokens, PortalAudit audit, java.time.Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * "继续使用" of the warning every page gives before the idle session ends (portal.js): a request, so the session's
     * 30 idle minutes start again, and nothing else (not audited: it reads and changes nothing). Without the warning a
     * leader halfway through a form lost it to the sign-in page with no word why (accessibility, WCAG 2.2.1).
     */
    @GetMapping("/account/session")
    org.springframework.http.ResponseEntity<Void> stillHere() {
        return org.springframework.http.ResponseEntity.noContent().cacheControl(org.springframework.http.CacheControl.noStore()).build();
    }

    @GetMapping("/account")
    String account(Authentication who, Model model) {
        var account = users.find(who.getName()).orElse(null);
        model.addAttribute("account", account);
        // an administrator's or auditor's token lasts 30 days at most: the form offers what it may ask
        model.addAttribute("tokenDays", account == null ? Tokens.DEFAULT_DAYS : Tokens.defaultDays(account.role()));
        model.addAttribute("tokenMaxDays", account == null ? Tokens.MAX_DAYS : Tokens.maxDays(account.role()));
        model.addAttribute("tokens", tokens.list().stream().filter(t -> t.user().equals(who.getName())).toList());
        model.addAttribute("now", java.time.OffsetDateTime.now(clock));
        return "account";
    }

    @PostMapping("/account/password")
    String password(@RequestParam String current, @RequestParam String password,
                    @RequestParam String repeat, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        if (!password.equals(repeat)) {
            // a refusal like any other (tester B: it left no row)
            audit.record("user-password", who.getName(), "refused: the repeat differs");
            return refused("repeat", "两次输入的新密码不一致", redirect);
        }
        try {
            users.changeOwnPassword(who.getName(), current, password, SignedInActor.of(who, request), request.getSession().getId());
            redirect.addFlashAttribute("done", "密码已修改");
        } catch (Users.LockedOut e) {
            return endLockedSession(who, request);
        } catch (Users.AlreadyChanged e) {
            // the change's form sent again (Back, then 修改): said as done, not counted as a wrong password (r44c)
            redirect.addFlashAttribute("done", "密码已修改（此前已改为这个新密码）");
            return "redirect:/account";
        } catch (AccessProblem e) {
            return refused("current", "当前密码不正确", redirect);
        } catch (PasswordPolicy.WeakPassword e) {
            // a refusal like any other: the auditor sees the attempt, not only the success that may follow
            audit.record("user-password", who.getName(), "refused: " + e.getMessage());
            return refused("password", e.chinese(), redirect);
        }
        // on to the page asked for before the change was due (a bulletin's link in the morning mail), once (r44c)
        Object asked = request.getSession().getAttribute(SignedIn.PAGE_AFTER_PASSWORD);
        request.getSession().removeAttribute(SignedIn.PAGE_AFTER_PASSWORD);
        if (asked instanceof String page) {
            // said on that page, which has no place of its own for it (review r44f: the change went unconfirmed)
            redirect.addFlashAttribute("passwordChangedOnTheWay", "密码已修改。");
            return "redirect:" + page;
        }
        return "redirect:/account";
    }

    /**
     * A new password refused, said under its form with the field at fault marked (aria-invalid, described by the line):
     * it was a line at the top of the page tied to no field, the rule after the button (accessibility tester r35b).
     */
    private static String refused(String field, String problem, RedirectAttributes redirect) {
        redirect.addFlashAttribute("passwordProblem", problem);
        redirect.addFlashAttribute("passwordField", field);
        return "redirect:/account";
    }

    /**
     * Revokes one of one's own tokens. Another user's id is refused as unknown (it does not tell that the id exists)
     * and recorded as refused: trying ids is how someone would end another's access.
     */
    @PostMapping("/account/token/revoke")
    String revoke(@RequestParam long id, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        boolean own = tokens.list().stream().anyMatch(t -> t.id() == id && t.user().equals(who.getName()));
        try {
            if (!own) {
                throw new AccessProblem("no valid token " + id, "没有编号为 " + id + " 的有效令牌");
            }
            tokens.revoke(id, SignedInActor.of(who, request));
            redirect.addFlashAttribute("done", "令牌 " + id + " 已作废");
        } catch (AccessProblem e) {
            audit.record("token-revoke", "token " + id, "refused");
            redirect.addFlashAttribute("error", e.chinese());
        }
        return "redirect:/account";
    }

    /**
     * A token of one's own, for scripts: it carries the role for up to ten years and works without the session, so
     * the current password is asked again, as for a new password (a session left open must not be carried away).
     */
    @PostMapping("/account/token")
    String token(@RequestParam String current, @RequestParam(name = "days", required = false) Integer asked, Authentication who,
                 HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            users.checkOwnPassword(who.getName(), current, "token-create", SignedInActor.of(who, request));
            int days = asked != null ? asked : Tokens.defaultDays(users.find(who.getName()).orElseThrow().role());
            String token = tokens.create(who.getName(), days, SignedInActor.of(who, request));
            ShownOnce.show(model, response, "您的 API 令牌，" + days + " 天内有效（只显示这一次，请立即保存）", token,
                    "刷新本页会再提交一次，另生成一个令牌（上面这个仍然有效，可在下表作废）。");
            return account(who, model);
        } catch (Users.LockedOut e) {
            return endLockedSession(who, request);
        } catch (AccessProblem e) {
            redirect.addFlashAttribute("error", e.chinese());
        }
        return "redirect:/account";
    }

    /**
     * The lock keeps out only who has to sign in: this session, perhaps one left open at someone's desk, would
     * otherwise go on guessing after it.
     */
    private String endLockedSession(Authentication who, HttpServletRequest request) {
        try {
            audit.record("sign-out", who.getName(), "ended: locked");
        } catch (RuntimeException e) {
            // ending the session takes access away: it goes on when the audit cannot record it, as sign-out does
            LoggerFactory.getLogger(AccountPage.class).error("end of {}'s locked session not recorded in the audit log: {}",
                    who.getName(), e.toString());
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?locked";
    }
}
