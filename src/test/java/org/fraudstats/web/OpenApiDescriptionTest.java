package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Set;
import java.util.TreeSet;

import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /api/v1/openapi.json is hand-kept: every path and method in it is a real endpoint, and every endpoint is in it. */
class OpenApiDescriptionTest extends PortalTest {

    @Test
    void theDescriptionListsExactlyTheEndpointsOfApiV1() throws Exception {
        String body = mvc.perform(get("/api/v1/openapi.json").with(user("p").roles("PRESS"))).andReturn().getResponse().getContentAsString();
        JsonNode paths = JsonMapper.builder().build().readTree(body).get("paths");
        Set<String> described = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                described.add(method.toUpperCase() + " " + path);
            }
        }

        Set<String> real = new TreeSet<>();
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1/")) {
                    assertThat(info.getMethodsCondition().getMethods()).as(handler.toString()).isNotEmpty();
                    info.getMethodsCondition().getMethods().forEach(m -> real.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(real).contains("GET /api/v1/metrics", "POST /api/v1/reruns", "GET /api/v1/audit");
        assertThat(described).isEqualTo(real);
    }

    /** An answer bounded by the places of fraudstats.concurrent-listings may be 503: a script must know to retry. */
    @Test
    void everyBoundedListingDescribesItsBusyAnswer() throws Exception {
        String body = mvc.perform(get("/api/v1/openapi.json").with(user("p").roles("PRESS"))).andReturn().getResponse().getContentAsString();
        JsonNode paths = JsonMapper.builder().build().readTree(body).get("paths");
        for (String path : java.util.List.of("/api/v1/metrics", "/api/v1/rejects", "/api/v1/audit")) {
            assertThat(paths.get(path).get("get").get("responses").get("503").get("$ref").asString()).as(path)
                    .isEqualTo("#/components/responses/Busy");
        }
    }
}
