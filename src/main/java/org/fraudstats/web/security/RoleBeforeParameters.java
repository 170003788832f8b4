package org.fraudstats.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A handler's role (its @PreAuthorize) is checked before its parameters are read. Method security checks it when the
 * method is called, after Spring MVC has bound the parameters: a press officer posting the administrator's form with
 * a field left out was answered 400 请求有误 and nothing was audited, where the whole form got the audited 403
 * (r34a). Here the same annotation is judged first, so a refused role gets the audited 403 whatever it sent; the
 * method's own check stays, as the one that guards a call from anywhere else.
 */
@Configuration(proxyBeanMethods = false)
class RoleBeforeParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an ASYNC dispatch continues a request judged on its REQUEST dispatch, and a bearer token's authentication is
        // not set again on it (SecurityConfiguration): judged again, every token's streamed listing was refused
        if (request.getDispatcherType() == DispatcherType.ASYNC || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        org.springframework.security.core.Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            // no one signed in has passed the filter chains to a handler; were one to, method security says it (401)
            return true;
        }
        AuthorizationResult result = roles.authorize(() -> who, new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AccessDeniedException("refused by the role of " + method.getBeanType().getSimpleName());
        }
        return true;
    }
}
