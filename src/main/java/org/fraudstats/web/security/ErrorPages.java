package org.fraudstats.web.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Boot's error controller: whatever failed, the answer is one line and never a stack trace or a
 * template error. Under /api: {"error": "…"} with the status; elsewhere the Chinese page error.html.
 */
@Controller
class ErrorPages implements ErrorController {

    private final org.fraudstats.catalog.Catalog catalog;
    private final org.fraudstats.audit.AuditTrail audit;
    private final SessionTimeout sessionTimeout;

    ErrorPages(org.fraudstats.catalog.Catalog catalog, org.fraudstats.audit.AuditTrail audit, SessionTimeout sessionTimeout) {
        this.catalog = catalog;
        this.audit = audit;
        this.sessionTimeout = sessionTimeout;
    }

    /**
     * A method not allowed (a write to /api/v1/audit) and a path the firewall refuses (an encoded slash, '..') are
     * refusals too, and an auditor wants to see an attempt on the audit log or a traversal probe first (tester B):
     * recorded as the 401s and 403s are. A refusal whose record fails is still refused, and the log says so.
     */
    private void recordRefusal(HttpServletRequest request, int status, String path) {
        try {
            CurrentUser user = CurrentUser.get().orElse(request.getAttribute(BearerTokens.HOLDER) instanceof CurrentUser holder ? holder : null);
            audit.record(new org.fraudstats.audit.AuditEvent(user == null ? "" : user.name(), user == null ? "" : user.role().code(),
                    Clients.address(request), "request", Clients.object(OriginalMethod.of(request), path), String.valueOf(status)));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ErrorPages.class).error("refusal {} of {} not recorded in the audit log: {}", status,
                    Clients.object(OriginalMethod.of(request), path), e.toString());
        }
    }

    /** What each status says to a person; ContainerErrors says the same for the requests Tomcat refuses itself. */
    static final Map<Integer, String> CHINESE = Map.of(
            400, "请求有误。",
            403, "您的角色无权访问此页面。",
            404, "页面不存在。",
            405, "不支持此请求方式。",
            413, "上传内容过大。",
            415, "不支持此内容类型。",
            // a client's doing (GET / HTTP/9.9), not an error the administrator should be told of (r34a)
            505, "不支持此 HTTP 协议版本。");

    static String message(int status) {
        return CHINESE.getOrDefault(status, "服务器内部错误，请稍后再试；如一再出现，请联系系统管理员。");
    }

    /**
     * The headers Spring Security puts on every answer, on an error answer it never saw: a path its firewall refused
     * (400), a TRACE Tomcat refused (405). They went out with none of them, which an MLPS header scan flags (tester
     * 30a). Those already set stay.
     */
    private static void guarded(HttpServletRequest request, HttpServletResponse response) {
        java.util.Map<String, String> headers = new java.util.HashMap<>(java.util.Map.of("X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY", "Content-Security-Policy", SecurityConfiguration.CSP, "Referrer-Policy", "same-origin",
                "Cache-Control", "no-store"));
        if (request.isSecure()) {
            // what Spring Security adds to every other HTTPS answer (review 30c)
            headers.put("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        headers.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        // /error asked for by its address (not forwarded by the container) is no page: 404, as any other unknown path
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR ? 500 : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        guarded(request, response);
        HttpStatus known = HttpStatus.resolve(status);
        Object refusedPath = request.getAttribute(RefusedPaths.REASON);
        if (uri instanceof String path && (status == 405 || refusedPath != null)) {
            recordRefusal(request, status, path);
        }
        if (uri instanceof String path && Refusals.answeredInJson(path)) {
            Refusals.json(response, status, refusedPath instanceof String reason ? reason
                    : known == null ? "error " + status : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT));
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        // the pages' own model (PageModel) is not applied to /error: a refused page lost the centre's name in its
        // header and footer, who is signed in and the links of the role (a press officer refused a page had no way
        // back but the browser's)
        model.addAttribute("centre", catalog.centreName());
        org.fraudstats.web.pages.SignedIn.current().ifPresent(me -> {
            model.addAttribute("me", me);
            model.addAttribute("current", "");
            // a signed-in page warns before its idle session ends, an error page too (tester)
            model.addAttribute("sessionSeconds", sessionTimeout.seconds(request));
        });
        // a form kept open past its session, or sent after signing out elsewhere: nothing to do with the role. Not
        // "refresh the page": a refresh posts the same expired form again, and the typed range was lost on the way
        // to 返回首页 (r44c). The way back is the form's page, through the sign-in when the session has ended.
        if (Boolean.TRUE.equals(request.getAttribute(Refusals.CSRF_REFUSED)) && uri instanceof String path && path.startsWith("/login")) {
            // the sign-in form itself, left open too long: nobody was signed in, nothing ended (review r44f)
            model.addAttribute("message", "登录页面打开过久，已失效：请重新打开登录页面登录。");
            model.addAttribute("back", "/login");
            model.addAttribute("backLabel", "← 重新打开登录页面");
            return "error";
        }
        if (Boolean.TRUE.equals(request.getAttribute(Refusals.CSRF_REFUSED))) {
            model.addAttribute("message", org.fraudstats.web.pages.SignedIn.current().isPresent()
                    ? "表单已失效（页面打开过久，或已在别处退出后重新登录），未提交：请回到原页面重新提交（刷新本页只会再次提交失效的表单）。"
                    : "登录已结束（页面打开过久，或已在别处退出登录），表单未提交：请回到原页面，登录后重新提交。");
            model.addAttribute("back", org.fraudstats.web.pages.FormBefore.of(request));
            model.addAttribute("backLabel", "← 回到原页面");
            return "error";
        }
        model.addAttribute("message", request.getAttribute(RefusedPaths.REASON_CHINESE) instanceof String reason
                ? "请求有误：" + reason + "。" : message(status));
        return "error";
    }
}
