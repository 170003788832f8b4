package org.fraudstats.web.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For every page: {@code currentUser} in the model (who is signed in and in which role, web.md "Pages").
 * And a refusal of method security (@PreAuthorize) is handed back to Spring Security, ahead of any catch-all
 * {@code @ExceptionHandler(Exception.class)} of the controllers, so it becomes the audited 401/403 of
 * {@link Refusals} and never a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.get().orElse(null);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void refusal(RuntimeException e) {
        throw e;
    }
}
