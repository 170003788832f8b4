package org.fraudstats.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors no controller saw (an unknown path under /api/v1, a request the firewall refused) reach Boot's /error;
 * under /api/ it answers web.md's one-line {"error"} instead of Boot's timestamp, status and path. Pages keep
 * Boot's attributes, which the error template shows without any trace.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (path instanceof String p && p.startsWith("/api/")) {
            Object status = attributes.get("status");
            Map<String, Object> api = new LinkedHashMap<>();
            api.put("error", status instanceof Integer s && s == 404 ? "no such endpoint: see /api/v1/openapi.json"
                    : String.valueOf(attributes.getOrDefault("error", "error")).toLowerCase(java.util.Locale.ROOT));
            return api;
        }
        return attributes;
    }
}
