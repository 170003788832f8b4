package org.fraudstats.web.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.Users;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.ConcurrentSessionControlAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form (/login; Spring Security handles its POST) and the first sign-in after `user totp`: the
 * password was right, the page shows the key as a QR code and takes the first code from the app (/login/totp).
 */
@Controller
// its session registry is the portal's (SecurityConfiguration): the commands' contexts have none, and need no pages
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginPages {

    static final String PENDING = "fraudstats.totp-pending";
    /** What the pending sign-in's password was checked against (SignIn.Attempt.checked). */
    static final String CHECKED = "fraudstats.totp-pending-checked";
    /** The QR code is shown for this long after the password was checked; then the password is asked again. */
    private static final Duration PENDING_FOR = Duration.ofMinutes(5);
    /** Wrong first codes after which the password is asked again. */
    private static final int TRIES_BESIDE_THE_CODE = 3;
    static final String TRIES = "fraudstats.totp-tries";
    /** The user name of a refused sign-in, shown once in the form again. */
    static final String TYPED_NAME = "fraudstats.typed-name";

    /** A sign-in waiting for the first TOTP code, kept in the session. */
    record Pending(String user, Instant since) implements Serializable {
    }

    private static final Map<String, String> NOTICES = Map.of(
            "error", "用户名、密码或动态口令错误。",
            "logout", "已退出登录。",
            "expired", "登录已结束（闲置超时，或密码、动态口令已重设），请重新登录；密码由管理员重设过的，请用新密码。",
            "replaced", "您的账户已在别处登录，本处会话已结束（每个账户最多同时登录 " + ReplacedSessions.MAX_SESSIONS + " 处）。",
            "locked", "当前密码连续输错 5 次，已退出登录；该账户 15 分钟内不能登录。");

    private final SignIn signIn;
    private final Users users;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    /** What the form sign-in's session management does first: a confirmed enrolment is a sign-in like any other. */
    private final ConcurrentSessionControlAuthenticationStrategy sessionLimit;
    /**
     * And then a new CSRF token, as the form's sign-in makes one: the token of the session before sign-in, which a
     * planted session's owner had read at /login, went on being accepted once its victim signed in here (review 31).
     * The chain's default repository, the session's.
     */
    private final CsrfAuthenticationStrategy newCsrfToken = new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository());

    private final SessionTimeout sessionTimeout;

    LoginPages(SignIn signIn, Users users, SessionRegistry sessionRegistry, SessionTimeout sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
        this.sessionLimit = new ConcurrentSessionControlAuthenticationStrategy(sessionRegistry);
        this.sessionLimit.setMaximumSessions(ReplacedSessions.MAX_SESSIONS);
        this.signIn = signIn;
        this.users = users;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        // the idle limit as set, not a fixed 30 分钟 (a deployment's 3m was still said as 30, retest)
        model.addAttribute("idle", sessionTimeout.said());
        NOTICES.keySet().stream().filter(key -> request.getParameter(key) != null).findFirst()
                .ifPresent(key -> model.addAttribute(key.equals("logout") ? "notice" : "problem", NOTICES.get(key)));
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(TYPED_NAME) instanceof String typed) {
            session.removeAttribute(TYPED_NAME);
            if (request.getParameter("error") != null) {
                model.addAttribute("username", typed);
            }
        }
        return "login";
    }

    @GetMapping("/login/totp")
    String enrol(HttpServletRequest request, Model model) {
        Optional<Pending> pending = pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login?expired";
        }
        if (!signIn.stillPending(pending.get().user(), checked(request))) {
            // the password or the key was set since the password was typed here: the old one must not see the new key,
            // and the auditor reads that it tried (a reload left no row: retest 31)
            signIn.refusedAsStale(pending.get().user(), Clients.address(request));
            request.getSession().removeAttribute(PENDING);
            return "redirect:/login?expired";
        }
        model.addAttribute("user", pending.get().user());
        if (request.getParameter("error") != null) {
            // a code mistyped is typed again at once, and the last try is said as such: "wait for the next code" sent
            // whoever had only mistyped to wait, and the third wrong code took them back to the password unwarned (r35b)
            int left = TRIES_BESIDE_THE_CODE - (request.getSession().getAttribute(TRIES) instanceof Integer n ? n : 0);
            model.addAttribute("problem", "动态口令不正确：请核对认证应用中本账号当前显示的 6 位数字后重新输入"
                    + (left == 1 ? "；再错 1 次，需从输入密码重新开始。" : "。"));
        }
        Optional<String> uri = users.pendingTotpUri(pending.get().user());
        // in groups of four, as authenticator apps accept it typed; and the key as a link: on the phone that runs the
        // authenticator there is no code to scan (accessibility tester)
        model.addAttribute("secret", uri.map(org.fraudstats.access.Totp::secretOf).orElse("").replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("otpauth", uri.orElse(null));
        return "login-totp";
    }

    @GetMapping(value = "/login/totp/qr.svg")
    ResponseEntity<String> qrCode(HttpServletRequest request) {
        Optional<String> uri = pending(request).filter(p -> signIn.stillPending(p.user(), checked(request)))
                .flatMap(p -> users.pendingTotpUri(p.user()));
        if (uri.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(CacheControl.noStore())
                .body(QrCode.svg(uri.get()));
    }

    @PostMapping("/login/totp")
    String confirm(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<Pending> pending = pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login?expired";
        }
        HttpSession session = request.getSession();
        session.removeAttribute(PENDING);
        SignIn.Attempt attempt = signIn.confirmTotp(pending.get().user(), code, Clients.address(request), checked(request));
        if (attempt.outcome() != SignIn.Outcome.SUCCESS) {
            // a mistyped first code (a code read as it changed) is typed again beside the QR code, not after the
            // password once more; a few times only, within the same five minutes: each counts towards the lock
            int tries = session.getAttribute(TRIES) instanceof Integer n ? n + 1 : 1;
            if (tries < TRIES_BESIDE_THE_CODE) {
                session.setAttribute(PENDING, pending.get());
                session.setAttribute(TRIES, tries);
                return "redirect:/login/totp?error";
            }
            session.removeAttribute(TRIES);
            return "redirect:/login?error";
        }
        session.removeAttribute(TRIES);
        session.removeAttribute(CHECKED);
        Authentication signedIn = Authorities.of(new CurrentUser(attempt.user().name(), attempt.user().role(), Clients.address(request)));
        // the fourth session ends the least recently used, as after the form (it was not counted: review)
        sessionLimit.onAuthentication(signedIn, request, response);
        request.changeSessionId();
        newCsrfToken.onAuthentication(signedIn, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }

    private static String checked(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CHECKED) instanceof String checked ? checked : null;
    }

    private static Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) instanceof Pending p && p.since().plus(PENDING_FOR).isAfter(Instant.now())) {
            return Optional.of(p);
        }
        return Optional.empty();
    }
}
