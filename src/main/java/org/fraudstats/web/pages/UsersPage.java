package org.fraudstats.web.pages;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.access.AccessProblem;
import org.fraudstats.access.PasswordPolicy;
import org.fraudstats.access.Role;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.UserAccount;
import org.fraudstats.access.Users;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.web.portal.PortalAudit;
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
 * Users and tokens for administrators (web.md): add a leader, statistician or press officer (a generated password
 * shown once, or one typed; administrators and auditors are added on the server), disable a user, set a new password,
 * enrol TOTP (the key shown to its user at their next sign-in, not here), list and revoke tokens (every user makes
 * their own at /account; none is made here, see token). Every change goes through access's Users and Tokens, which
 * record it in the audit log with the administrator as actor. A generated password is shown in the answer to its
 * POST ({@link ShownOnce}); every other outcome redirects back to the list.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersPage {

    /** A refusal of this page for separation of duties, as the audit log says it (the bare "refused" said not why). */
    private static final String SEPARATED = "refused: separation of duties";

    /** The roles an administrator adds on this page; administrators and auditors are added on the server. */
    private static final List<Role> PORTAL_ROLES = List.of(Role.LEADER, Role.STATISTICIAN, Role.PRESS);

    private final Users users;
    private final Tokens tokens;
    private final PortalAudit audit;
    private final java.time.Clock clock;

    UsersPage(Users users, Tokens tokens, PortalAudit audit, java.time.Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/users")
    String list(Model model) {
        var all = users.list();
        // a read of every account and token, recorded as the other lists are (r40d: it left no trace)
        audit.record("read-users", all.size() + " users", "success");
        model.addAttribute("users", all);
        model.addAttribute("roles", PORTAL_ROLES);
        model.addAttribute("tokens", tokens.list());
        // whose tokens this page does not revoke (but the signed-in administrator's own): see revoke
        model.addAttribute("keptApart", all.stream().filter(u -> u.role() == Role.AUDITOR || u.role() == Role.ADMIN)
                .map(UserAccount::name).collect(java.util.stream.Collectors.toSet()));
        // a disabled user's tokens are refused, though unexpired: the list said 有效至 2027-01-05 beside them (tester)
        model.addAttribute("disabled", all.stream().filter(u -> !u.enabled()).map(UserAccount::name)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("now", java.time.OffsetDateTime.now(clock));
        return "users";
    }

    @PostMapping("/users")
    String add(@RequestParam String name, @RequestParam String role, @RequestParam(required = false) String password,
               Authentication who, HttpServletRequest request, HttpServletResponse response, Model model,
               RedirectAttributes redirect) {
        Role chosen = Role.ofCode(role).orElse(null);
        if (chosen == null) {
            // the form offers three roles: anything else was typed by hand, which the auditor should see
            audit.record("user-add", users.shown(name), "refused: unknown role");
            redirect.addFlashAttribute("error", "未知角色：" + org.fraudstats.web.portal.Inputs.printable(role));
            return "redirect:/users";
        }
        // a name taken first: refused for separation of duties, an administrator asking to make themselves auditor was
        // told to run `user add` of a name that exists, a command that fails (tester)
        if (!PORTAL_ROLES.contains(chosen) && users.find(name).isPresent()) {
            return failed("user-add", name + " (" + chosen.code() + ")", "user " + name + " exists already",
                    "用户 " + users.shown(name) + " 已存在（一个用户只有一个角色，门户和命令都不改变角色）", redirect);
        }
        if (!PORTAL_ROLES.contains(chosen)) {
            // whoever chose an account's first password can sign in as it, and enrol its TOTP key at its first
            // sign-in: an auditor added here would be the administrator's, reading the audit log of their own acts
            String shown = users.shown(name);
            // the role asked for is what the auditor must see: an administrator trying to make an auditor
            audit.record("user-add", shown + " (" + chosen.code() + ")", SEPARATED);
            redirect.addFlashAttribute("error", "不能在门户上添加" + chosen.chineseName() + " " + shown + "（职责分离）：请在服务器上运行 "
                    + "./fraudstats user add " + shown + " --role " + chosen.code());
            return "redirect:/users";
        }
        boolean generated = password == null || password.isEmpty();
        String secret = generated ? PasswordPolicy.generate(name) : password;
        try {
            users.add(name, chosen, secret, SignedInActor.of(who, request));
            String done = "已添加用户 " + name + "（" + chosen.chineseName() + "）";
            if (generated) {
                model.addAttribute("done", done);
                ShownOnce.show(model, response, name + " 的初始密码（只显示这一次）", secret,
                        "刷新本页会再提交一次，只会得到“用户已存在”。");
                return list(model);
            }
            redirect.addFlashAttribute("done", done);
        } catch (PasswordPolicy.WeakPassword | AccessProblem e) {
            // the form comes back as typed, its line under it and the field at fault marked: it came back empty with
            // the role back on 领导, its line at the top of a long page, and a press officer added again in haste
            // became a leader, who sees bulletins and figures (accessibility tester r35b). Never the password, nor a
            // name that may be one or hold an account number (the flash is kept in the session table)
            audit.record("user-add", users.shown(name), "refused: " + DigitRuns.mask(e.getMessage()));
            redirect.addFlashAttribute("addName", Users.possibleName(name) ? name : "");
            redirect.addFlashAttribute("addRole", chosen.code());
            redirect.addFlashAttribute("addProblem", e.chinese());
            redirect.addFlashAttribute("addField", e instanceof PasswordPolicy.WeakPassword ? "password" : "name");
        }
        return "redirect:/users";
    }

    @PostMapping("/users/disable")
    String disable(@RequestParam String name, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        if (name.equals(who.getName())) {
            audit.record("user-disable", name, "refused: own account");
            redirect.addFlashAttribute("error", "不能停用自己的账户");
            return "redirect:/users";
        }
        // an administrator who could disable the auditor could keep their own acts from being read, until someone
        // with a shell on the server enabled the account again (`user enable`)
        Optional<Role> separated = separated(name, who);
        if (separated.isPresent()) {
            return refused("user-disable", name, "停用" + separated.get().chineseName() + " " + name,
                    "./fraudstats user disable " + name, redirect);
        }
        try {
            if (!users.disable(name, SignedInActor.of(who, request))) {
                return failed("user-disable", name, "user " + name + " is already disabled", "用户 " + name + " 已停用", redirect);
            }
            redirect.addFlashAttribute("done", "已停用用户 " + name);
        } catch (AccessProblem e) {
            return failed("user-disable", users.shown(name), e.getMessage(), e.chinese(), redirect);
        }
        return "redirect:/users";
    }

    /** A disabled leader, statistician or press officer enabled again; the tokens they had stay ended (Users.enable). */
    @PostMapping("/users/enable")
    String enable(@RequestParam String name, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        // as their disable: an auditor's or an administrator's account is given back on the server, not by a colleague
        Optional<Role> separated = separated(name, who);
        if (separated.isPresent()) {
            return refused("user-enable", name, "重新启用" + separated.get().chineseName() + " " + name,
                    "./fraudstats user enable " + name, redirect);
        }
        try {
            Optional<List<Long>> ended = users.enable(name, SignedInActor.of(who, request));
            if (ended.isEmpty()) {
                return failed("user-enable", name, "user " + name + " is not disabled", "用户 " + name + " 未被停用", redirect);
            }
            redirect.addFlashAttribute("done", "已重新启用用户 " + name + (ended.get().isEmpty() ? ""
                    : "；其原有令牌（" + ended.get().size() + " 个）已作废，由本人在“我的账户”页重新生成"));
        } catch (AccessProblem e) {
            return failed("user-enable", users.shown(name), e.getMessage(), e.chinese(), redirect);
        }
        return "redirect:/users";
    }

    @PostMapping("/users/password")
    String password(@RequestParam String name, Authentication who, HttpServletRequest request, HttpServletResponse response,
                    Model model, RedirectAttributes redirect) {
        if (name.equals(who.getName())) {
            return ownAccount("user-password", name, "自己的密码请在“我的账户”页修改（需输入当前密码）", redirect);
        }
        // read once: whether separated, whether disabled
        Optional<UserAccount> target = users.find(name);
        Optional<Role> separated = separated(target, who);
        if (separated.isPresent()) {
            return refused("user-password", name, "为" + separated.get().chineseName() + " " + name + " 重置密码",
                    "./fraudstats user password " + name, redirect);
        }
        if (target.filter(u -> !u.enabled()).isPresent()) {
            return failed("user-password", name, "disabled", "用户 " + name + " 已停用：不为其重置密码", redirect);
        }
        String secret = PasswordPolicy.generate(name);
        try {
            users.changePassword(name, secret, SignedInActor.of(who, request));
            ShownOnce.show(model, response, name + " 的新密码（只显示这一次）", secret,
                    "刷新本页会再提交一次，再重置一次密码，上面这个随之失效。");
            return list(model);
        } catch (AccessProblem e) {
            return failed("user-password", users.shown(name), e.getMessage(), e.chinese(), redirect);
        }
    }

    @PostMapping("/users/totp")
    String totp(@RequestParam String name, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        if (name.equals(who.getName())) {
            return ownAccount("user-totp", name, "不能在门户上为自己重新登记动态口令：请在服务器上运行 ./fraudstats user totp " + name, redirect);
        }
        // read once: whether separated, whether disabled
        Optional<UserAccount> target = users.find(name);
        Optional<Role> separated = separated(target, who);
        if (separated.isPresent()) {
            return refused("user-totp", name, "为" + separated.get().chineseName() + " " + name + " 登记动态口令",
                    "./fraudstats user totp " + name, redirect);
        }
        // as the greyed button says: nothing enables the account again, so a password or key of it is no one's (re-tester)
        if (target.filter(u -> !u.enabled()).isPresent()) {
            return failed("user-totp", name, "disabled", "用户 " + name + " 已停用：不为其登记动态口令", redirect);
        }
        try {
            // the key is not shown here: its user is shown it as a QR code at their next sign-in, once the password is
            // right, and the administrator who also sets that password would otherwise hold both factors (tester)
            users.enrolTotp(name, SignedInActor.of(who, request));
            redirect.addFlashAttribute("done", "已为 " + name + " 登记新的动态口令密钥：其下次登录时，输入密码后页面显示二维码，用手机扫码绑定。"
                    + "其已登录的会话（如有）已全部结束；手机遗失时，请同时重置其密码（手机浏览器可能保存了密码）。");
            return "redirect:/users";
        } catch (AccessProblem e) {
            return failed("user-totp", users.shown(name), e.getMessage(), e.chinese(), redirect);
        }
    }

    /**
     * No token is made here, for anyone (separation of duties): a token is its user's rights in the hands of whoever
     * holds it, shown once to whoever made it. An administrator who made one for a statistician read figures and
     * published a rerun with it a second later, past web.md's "admin: no figures, no runs", and the statistician was
     * never told (tester). A user makes their own at /account (the current password typed again); a script's account
     * that never signs in gets one on the server (./fraudstats token create), from whoever holds the shell. A form
     * posted here by hand is refused and recorded.
     */
    @PostMapping("/users/token")
    String token(@RequestParam String name, Authentication who, RedirectAttributes redirect) {
        if (name.equals(who.getName())) {
            return ownAccount("token-create", name, "自己的令牌请在“我的账户”页生成", redirect);
        }
        String shown = users.shown(name);
        audit.record("token-create", shown, SEPARATED);
        redirect.addFlashAttribute("error", "不能为 " + shown + " 生成令牌（职责分离：令牌在谁手里，谁就有其用户的权限）："
                + "请其本人登录后在“我的账户”页生成；不登录的脚本账户，请在服务器上运行 ./fraudstats token create " + shown);
        return "redirect:/users";
    }

    @PostMapping("/users/token/revoke")
    String revoke(@RequestParam long id, Authentication who, HttpServletRequest request, RedirectAttributes redirect) {
        // an auditor's script or another administrator's is theirs to end, as their account is (separation of duties)
        Optional<String> owner = tokens.list().stream().filter(t -> t.id() == id).map(t -> t.user()).findFirst();
        Optional<Role> separated = owner.flatMap(name -> separated(name, who));
        if (separated.isPresent()) {
            audit.record("token-revoke", "token " + id + " (" + owner.get() + ")", SEPARATED);
            redirect.addFlashAttribute("error", "不能作废" + separated.get().chineseName() + " " + owner.get() + " 的令牌 " + id
                    + "（职责分离）：请其本人在“我的账户”页作废；令牌泄露时，可在服务器上运行 ./fraudstats user disable " + owner.get());
            return "redirect:/users";
        }
        try {
            tokens.revoke(id, SignedInActor.of(who, request));
            redirect.addFlashAttribute("done", "令牌 " + id + " 已作废");
        } catch (AccessProblem e) {
            return failed("token-revoke", "token " + id, e.getMessage(), e.chinese(), redirect);
        }
        return "redirect:/users";
    }

    /**
     * A refusal of what was asked (a name taken, no such user, a weak password): recorded, as every refusal is, with
     * the reason in English as the command line says it, so the auditor sees what an administrator tried. A name as
     * typed comes as {@link Users#shown}: a password pasted into the name field is kept as its length.
     */
    private String failed(String action, String name, String reason, String chinese, RedirectAttributes redirect) {
        audit.record(action, DigitRuns.mask(name), "refused: " + DigitRuns.mask(reason));
        redirect.addFlashAttribute("error", chinese);
        return "redirect:/users";
    }

    /**
     * Separation of duties (MLPS): an auditor's or another administrator's credentials are never shown to this
     * administrator. A token, a new password with a new TOTP key, would let them read the audit log as the auditor,
     * or act as another administrator, past that account's second factor and unseen on its account page. Such an
     * account makes its own tokens at /account; its password and key are reset on the server, by the command line.
     */
    private Optional<Role> separated(String name, Authentication who) {
        return separated(users.find(name), who);
    }

    /** As {@link #separated(String, Authentication)}, of a user already read. */
    private static Optional<Role> separated(Optional<UserAccount> target, Authentication who) {
        return target.filter(u -> u.role() == Role.AUDITOR || (u.role() == Role.ADMIN && !u.name().equals(who.getName())))
                .map(UserAccount::role);
    }

    /**
     * An administrator's own password, key and tokens are not made on this page: a session left open, or taken, would
     * otherwise set a new password and a new key in two clicks and keep the account (a tester's finding). The password
     * is changed at /account with the current one, the key on the server, as for the other administrators.
     */
    private String ownAccount(String action, String name, String message, RedirectAttributes redirect) {
        audit.record(action, name, "refused: own account");
        redirect.addFlashAttribute("error", message);
        return "redirect:/users";
    }

    private String refused(String action, String name, String what, String command, RedirectAttributes redirect) {
        // a name typed into the add form may be anything, an account number pasted by mistake too
        audit.record(action, users.shown(name), SEPARATED);
        redirect.addFlashAttribute("error", "不能在门户上" + what + "（职责分离）：请在服务器上运行 " + command);
        return "redirect:/users";
    }
}
