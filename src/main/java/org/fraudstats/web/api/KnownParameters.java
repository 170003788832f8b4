package org.fraudstats.web.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.Inputs;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A parameter of /api/v1 that no endpoint reads is a 400 naming it, as /api/v1/audit always answered: a script's
 * misspelt {@code districts=440604} got every area's rows, and {@code area=440604} the city's headline, each with 200,
 * to be read as the district's (tester). The names an endpoint reads are its {@code @RequestParam}s; an endpoint that
 * takes them all as one map checks them itself. Each endpoint calls {@link #only()} first thing in its body: after
 * its role is checked (@PreAuthorize), so a role refused the endpoint is refused, and audited, whatever it asked;
 * RoleMatrixTest asks every endpoint of /api/v1 for one it does not know.
 */
final class KnownParameters {

    private static final org.springframework.core.ParameterNameDiscoverer NAMES = new org.springframework.core.DefaultParameterNameDiscoverer();

    private KnownParameters() {
    }

    /** @throws BadInput when the request holds a parameter the endpoint handling it does not read */
    static void only() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method)) {
            throw new IllegalStateException("KnownParameters.only() outside a request mapped to a controller method");
        }
        check(request, method);
    }

    private static void check(HttpServletRequest request, HandlerMethod method) {
        List<String> known = new ArrayList<>();
        // the names compiled in (-parameters), as Spring reads them when it binds the request
        String[] names = NAMES.getParameterNames(method.getMethod());
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : names == null ? null : names[parameter.getParameterIndex()];
            if (java.util.Map.class.isAssignableFrom(parameter.getParameterType())) {
                return; // every parameter in one map: the endpoint names what it does not know (AuditApi)
            }
            if (name == null) {
                throw new IllegalStateException(method + " was compiled without its parameters' names");
            }
            known.add(name);
        }
        // a form-encoded body sent where JSON is wanted is said to be no JSON by the endpoint, not read here as a
        // parameter named after the whole body (review): of such a request, the address's parameters only
        String type = request.getContentType();
        boolean formBody = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        java.util.Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (org.springframework.security.web.firewall.RequestRejectedException e) {
            // Spring Security's firewall refuses a name holding a control character as it is read: a 400 like any
            // other refusal of the request's own making, not an internal error with a trace (tester)
            throw new BadInput("a parameter's name holds a control character");
        }
        for (String given : formBody ? queryNames(request.getQueryString()) : parameters.keySet()) {
            // a form's CSRF token is no parameter of the request's own, and Spring Security has read it already
            if (!known.contains(given) && !given.equals("_csrf")) {
                throw new BadInput("unknown parameter '" + Inputs.printable(given) + "' ("
                        + (known.isEmpty() ? "this endpoint takes none" : String.join(", ", known)) + ")");
            }
            // district=440604&district=440605 was read as the one value "440604,440605" and refused as a district
            // of that name; said as /api/v1/audit says it (tester)
            String[] values = parameters.get(given);
            if (!formBody && values != null && values.length > 1) {
                throw new BadInput("parameter '" + given + "' given " + values.length + " times: give it once");
            }
        }
    }

    private static java.util.Set<String> queryNames(String query) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                names.add(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                names.add(name);
            }
        }
        names.remove("");
        return names;
    }
}
