package org.fraudstats.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.access.AccessProblem;
import org.fraudstats.access.PasswordPolicy;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.Users;
import org.fraudstats.web.portal.SignedInActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own account (web.md: everyone may change their own password and create their own tokens). A new password
 * needs the current one (and the TOTP code when the user has one), checked as a sign-in is, lockout included, so a
 * session left open is not enough to take the account over.
 */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN', 'PRESS', 'ADMIN', 'AUDITOR')")
class AccountPage {

    private final Users users;
    private final Tokens tokens;
    private final SignIn signIn;

    AccountPage(Users users, Tokens tokens, SignIn signIn) {
        this.users = users;
        this.tokens = tokens;
        this.signIn = signIn;
    }

    @GetMapping("/account")
    String account(Authentication who, Model model) {
        model.addAttribute("account", users.find(who.getName()).orElse(null));
        return "account";
    }

    @PostMapping("/account/password")
    String password(@RequestParam String current, @RequestParam(required = false) String code, @RequestParam String password,
                    @RequestParam String repeat, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        if (!password.equals(repeat)) {
            redirect.addFlashAttribute("error", "两次输入的新密码不一致");
            return "redirect:/account";
        }
        try {
            PasswordPolicy.check(password);
        } catch (PasswordPolicy.WeakPassword e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/account";
        }
        SignIn.Attempt check = signIn.attempt(who.getName(), current, code, request.getRemoteAddr());
        if (check.outcome() != SignIn.Outcome.SUCCESS) {
            redirect.addFlashAttribute("error", "当前密码或动态口令不正确");
            return "redirect:/account";
        }
        try {
            users.changePassword(who.getName(), password, SignedInActor.of(who, request));
            redirect.addFlashAttribute("done", "密码已修改");
        } catch (PasswordPolicy.WeakPassword | AccessProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/token")
    String token(@RequestParam(defaultValue = "90") int days, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            String token = tokens.create(who.getName(), days, SignedInActor.of(who, request));
            redirect.addFlashAttribute("secretLabel", "您的 API 令牌，" + days + " 天内有效（只显示这一次，请立即保存）");
            redirect.addFlashAttribute("secret", token);
        } catch (AccessProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }
}
