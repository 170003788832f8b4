package org.fraudstats.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shows (who is signed in, in which role, the links of that role, the centre's name) and how a page
 * answers a request it cannot serve: the error page with one line, never a trace.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Catalog catalog;
    private final org.fraudstats.web.security.SessionTimeout sessionTimeout;

    PageModel(Catalog catalog, org.fraudstats.web.security.SessionTimeout sessionTimeout) {
        this.catalog = catalog;
        this.sessionTimeout = sessionTimeout;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.isAuthenticated()) {
            SignedIn me = SignedIn.of(who);
            model.addAttribute("me", me);
            model.addAttribute("current", me.current(request.getRequestURI()));
            // when a signed-in page warns that the idle session is about to end (portal.js)
            model.addAttribute("sessionSeconds", sessionTimeout.seconds(request));
        }
        model.addAttribute("centre", catalog.centreName());
        // no field marked until a form is refused (RefusedForm), so a template asks invalid.contains('from') always
        model.addAttribute("invalid", java.util.Set.of());
        model.addAttribute("refused", false);
    }

    @ExceptionHandler(BadInput.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badInput(BadInput e, HttpServletRequest request) {
        ModelAndView page = error(400, "请求有误", e.chinese());
        page.addObject("back", FormBefore.of(request));
        return page;
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFound e) {
        return error(404, "未找到", e.chinese());
    }

    /**
     * A form field of a type (a token's days or id, a number; "range", true or false) holding something else, named with
     * what it should be: every mismatch was said to want an integer, a hand-made range=maybe too.
     */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView mistyped(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String wanted = type == boolean.class || type == Boolean.class ? "应为 true 或 false" : "应为整数";
        return error(400, "请求有误", "“" + e.getName() + "”" + wanted + "，收到的是“"
                + org.fraudstats.web.portal.Inputs.printable(String.valueOf(e.getValue())) + "”");
    }

    /** A form field left out, named (r34e: 请求有误。 alone, where the log said which). */
    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView missing(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return error(400, "请求有误", "缺少“" + org.fraudstats.web.portal.Inputs.printable(e.getParameterName()) + "”：请从页面上的表单提交");
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    private ModelAndView error(int status, String title, String message) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("error", title);
        // it may quote what was typed in the address or the form (no rerun 6222…): masked as everywhere
        page.addObject("message", org.fraudstats.storage.DigitRuns.mask(message));
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.isAuthenticated()) {
            page.addObject("me", SignedIn.of(who));
            page.addObject("current", "");
            page.addObject("sessionSeconds", sessionTimeout.seconds(((org.springframework.web.context.request.ServletRequestAttributes)
                    org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest()));
        }
        page.addObject("currentUser", org.fraudstats.web.security.CurrentUser.get().orElse(null));
        page.addObject("centre", catalog.centreName());
        return page;
    }
}
