package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fraudstats.access.Actor;
import org.fraudstats.access.Role;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.Users;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * web.md's table of rights, exhaustively: every endpoint of /api/v1 with each of the five roles' tokens, no
 * credentials and a bad token, and every page with each role's session and none, each with its exact status.
 */
class RoleMatrixTest extends PortalTest {

    private static final Set<String> EVERYONE = Set.of("leader", "statistician", "press", "admin", "auditor");
    private static final Set<String> READERS = Set.of("leader", "statistician");
    private static boolean loaded;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    /** An endpoint, the roles that may use it and the status they get (the others get 403). */
    record Endpoint(String method, String path, String body, Set<String> allowed, int status) {

        MockHttpServletRequestBuilder request() {
            String[] pathAndQuery = path.split("\\?", 2);
            MockHttpServletRequestBuilder r = method.equals("GET") ? get(pathAndQuery[0]) : post(pathAndQuery[0]);
            if (pathAndQuery.length == 2) {
                for (String pair : pathAndQuery[1].split("&")) {
                    String[] kv = pair.split("=", 2);
                    r = r.param(kv[0], kv[1]);
                }
            }
            if (body != null) {
                r = r.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            return r;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> API = List.of(
            new Endpoint("GET", "/api/v1/bulletins", null, READERS, 200),
            new Endpoint("GET", "/api/v1/bulletins?from=2022-10-01&to=2022-10-31", null, READERS, 200),
            new Endpoint("GET", "/api/v1/bulletins/2022-10-03/daily.pdf", null, READERS, 200),
            new Endpoint("GET", "/api/v1/bulletins/2022-10-03/daily.xlsx?revision=1", null, READERS, 200),
            new Endpoint("GET", "/api/v1/metrics?from=2022-10-01&to=2022-10-03", null, READERS, 200),
            new Endpoint("GET", "/api/v1/metrics?from=2022-10-01&to=2022-10-03&by=day&district=440604&compare=yoy", null, READERS, 200),
            new Endpoint("GET", "/api/v1/headlines?from=2022-10-01&to=2022-10-03", null, Set.of("leader", "statistician", "press"), 200),
            new Endpoint("GET", "/api/v1/headlines?from=2022-10-01&to=2022-10-04", null, Set.of("leader", "statistician", "press"), 409),
            new Endpoint("POST", "/api/v1/reruns", "{\"from\": \"2022-10-01\", \"to\": \"2022-10-03\", \"dry_run\": true}", Set.of("statistician"), 200),
            new Endpoint("GET", "/api/v1/reruns/999999", null, Set.of("statistician"), 404),
            new Endpoint("POST", "/api/v1/reruns/999999/stop", null, Set.of("statistician"), 404),
            new Endpoint("POST", "/api/v1/reruns/999999/restart", null, Set.of("statistician"), 404),
            new Endpoint("GET", "/api/v1/runs?limit=5", null, Set.of("statistician"), 200),
            new Endpoint("GET", "/api/v1/schedule?limit=5", null, Set.of("statistician", "admin"), 200),
            new Endpoint("GET", "/api/v1/rejects?from=2022-10-01&to=2022-10-03", null, Set.of("statistician"), 200),
            new Endpoint("GET", "/api/v1/audit?from=2022-10-01&to=2022-10-03", null, Set.of("auditor"), 200),
            new Endpoint("GET", "/api/v1/openapi.json", null, EVERYONE, 200));

    static final List<Endpoint> PAGES = List.of(
            new Endpoint("GET", "/", null, EVERYONE, 302),
            new Endpoint("GET", "/bulletins", null, READERS, 200),
            new Endpoint("GET", "/bulletins/latest", null, READERS, 200),
            new Endpoint("GET", "/bulletins/2022-10-03/daily", null, READERS, 200),
            new Endpoint("GET", "/files/bulletins/2022-10-03/daily.pdf?revision=1", null, READERS, 200),
            new Endpoint("GET", "/figures?from=2022-10-01&to=2022-10-03", null, READERS, 200),
            new Endpoint("GET", "/headline?from=2022-10-01&to=2022-10-03", null, Set.of("leader", "statistician", "press"), 200),
            new Endpoint("GET", "/runs", null, Set.of("statistician"), 200),
            new Endpoint("POST", "/runs/plan?from=2022-10-01&to=2022-10-03", null, Set.of("statistician"), 200),
            // the address the answer left, opened again: back to the form, not 重算编号应为数字 (r34a)
            new Endpoint("GET", "/runs/plan", null, Set.of("statistician"), 302),
            new Endpoint("GET", "/runs/start", null, Set.of("statistician"), 302),
            new Endpoint("GET", "/runs/999999", null, Set.of("statistician"), 404),
            new Endpoint("GET", "/rejects", null, Set.of("statistician"), 200),
            new Endpoint("GET", "/users", null, Set.of("admin"), 200),
            new Endpoint("GET", "/schedules", null, Set.of("admin"), 200),
            new Endpoint("POST", "/users/token?name=nobody", null, Set.of("admin"), 302),
            new Endpoint("POST", "/users/enable?name=nobody", null, Set.of("admin"), 302),
            new Endpoint("GET", "/audit", null, Set.of("auditor"), 200),
            new Endpoint("GET", "/account", null, EVERYONE, 200),
            new Endpoint("GET", "/account/session", null, EVERYONE, 204));

    @BeforeEach
    void oneBulletinAndAUserOfEachRole() {
        synchronized (RoleMatrixTest.class) {
            if (!loaded) {
                assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-01", "--to", "2022-10-03").exitCode()).isZero();
                assertThat(cli("rerun", "--from", "2022-10-03", "--to", "2022-10-03").exitCode()).isZero();
                Users users = context.getBean(Users.class);
                Tokens tokens = context.getBean(Tokens.class);
                for (Role role : Role.values()) {
                    users.add("matrix-" + role.code(), role, "Role-" + role.code() + "-Passw0rd!", Actor.commandLine());
                    org.fraudstats.support.OwnPasswords.keptByTheirUser(jdbc, "matrix-" + role.code());
                    TOKENS.put(role.code(), tokens.create("matrix-" + role.code(), 1, Actor.commandLine()));
                }
                loaded = true;
            }
        }
    }

    @Test
    void everyApiEndpointAnswersEachRoleNoCredentialsAndABadTokenExactly() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : API) {
            for (String role : EVERYONE) {
                int expected = e.allowed().contains(role) ? e.status() : 403;
                check(wrong, e, role, e.request().header("Authorization", "Bearer " + TOKENS.get(role)), expected);
            }
            if (e.method().equals("GET")) {
                check(wrong, e, "no credentials", e.request(), 401);
            }
            check(wrong, e, "bad token", e.request().header("Authorization", "Bearer fst_not-a-token"), 401);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A parameter no endpoint reads is named (400): a misspelt districts= got every area's rows with 200 (tester).
     * After the role: a role refused the endpoint is refused (403, audited) whatever it asked.
     */
    @Test
    void anUnknownParameterIsNamedToTheRolesAllowed_andRefusedToTheOthers() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : API) {
            Endpoint misspelt = new Endpoint(e.method(), e.path() + (e.path().contains("?") ? "&" : "?") + "districts=440604",
                    e.body(), e.allowed(), 400);
            for (String role : EVERYONE) {
                MockHttpServletResponse response = mvc.perform(misspelt.request().header("Authorization", "Bearer " + TOKENS.get(role)))
                        .andReturn().getResponse();
                int expected = e.allowed().contains(role) ? 400 : 403;
                if (response.getStatus() != expected || expected == 400
                        && !response.getContentAsString().matches("(?s)\\{\\s*\"error\"\\s*:\\s*\"unknown parameter 'districts' \\(.*")) {
                    wrong.add(misspelt + " as " + role + ": " + response.getStatus() + " " + response.getContentAsString());
                }
            }
        }
        assertThat(wrong).isEmpty();
        // every endpoint of /api/v1 is in the list above, so a new one is asked too
        var mappings = context.getBean("requestMappingHandlerMapping",
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class);
        assertThat(mappings.getHandlerMethods().keySet().stream().flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/v1")).sorted()).containsExactly("/api/v1/audit", "/api/v1/bulletins",
                "/api/v1/bulletins/{date}/{file}", "/api/v1/headlines", "/api/v1/metrics", "/api/v1/openapi.json", "/api/v1/rejects",
                "/api/v1/reruns", "/api/v1/reruns/{id}", "/api/v1/reruns/{id}/restart", "/api/v1/reruns/{id}/stop", "/api/v1/runs",
                "/api/v1/schedule");
    }

    /**
     * web.md: "no or bad credentials → 401". A POST without any credentials has no session a forged request could
     * ride on, so it must be told to authenticate (401), not that its CSRF token is missing (403).
     */
    @Test
    void aPostWithoutAnyCredentialsIs401() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : API) {
            if (e.method().equals("POST")) {
                check(wrong, e, "no credentials", e.request(), 401);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyPageAnswersEachRoleExactlyAndSendsStrangersToSignIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : PAGES) {
            for (String role : EVERYONE) {
                int expected = e.allowed().contains(role) ? e.status() : 403;
                check(wrong, e, role, e.request().with(user("matrix-" + role).roles(role.toUpperCase())).with(csrf()), expected);
            }
            MockHttpServletResponse stranger = mvc.perform(e.request().with(csrf())).andReturn().getResponse();
            if (stranger.getStatus() != 302 || stranger.getRedirectedUrl() == null || !stranger.getRedirectedUrl().endsWith("/login")) {
                wrong.add(e + " without a session: " + stranger.getStatus() + " " + stranger.getRedirectedUrl());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A form posted by a role it is not for is refused 403 and audited whatever its fields: with a field left out, a
     * press officer posting the administrator's forms got 400 请求有误 and left no trace (r34a), as Spring MVC read
     * the parameters before method security judged the role. Every POST form of the portal, so a new one is asked too.
     */
    @Test
    void aFormPostedByARoleItIsNotForIsAnAudited403WhateverItsFields() throws Exception {
        Map<String, Set<String>> formsOf = Map.of("/users", Set.of("admin"), "/runs", Set.of("statistician"),
                "/audit", Set.of("auditor"), "/account", EVERYONE);
        var mappings = context.getBean("requestMappingHandlerMapping",
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class);
        List<String> forms = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.POST))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> !pattern.startsWith("/api/") && !pattern.startsWith("/login")).sorted().toList();
        assertThat(forms).hasSizeGreaterThan(8);
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (String form : forms) {
            Set<String> allowed = formsOf.entrySet().stream().filter(f -> form.equals(f.getKey()) || form.startsWith(f.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (allowed == null) {
                wrong.add(form + ": a form this test does not know; add its roles above");
                continue;
            }
            String path = form.replaceAll("\\{[^}]+}", "999999");
            for (String role : EVERYONE) {
                if (allowed.contains(role)) {
                    continue;
                }
                MockHttpServletResponse response = mvc.perform(post(path).with(user("matrix-" + role).roles(role.toUpperCase()))
                        .with(csrf())).andReturn().getResponse();
                refused++;
                if (response.getStatus() != 403) {
                    wrong.add("POST " + path + " without its fields as " + role + ": " + response.getStatus());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id > ? AND action = 'request' AND result = '403' "
                + "AND object LIKE 'POST /%'", Integer.class, before)).isEqualTo(refused);
        // the role it is for is told which field is missing (r34e: 请求有误。 alone)
        MockHttpServletResponse missing = mvc.perform(post("/runs/plan").param("to", "2022-10-03")
                .with(user("matrix-statistician").roles("STATISTICIAN")).with(csrf())).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("缺少“from”：请从页面上的表单提交");
    }

    private void check(List<String> wrong, Endpoint e, String who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() == 302 && e.path().startsWith("/runs/") && !"/runs".equals(response.getRedirectedUrl())) {
            wrong.add(e + " as " + who + ": to " + response.getRedirectedUrl() + " (expected /runs)");
        }
        if (response.getStatus() != expected) {
            wrong.add(e + " as " + who + ": " + response.getStatus() + " (expected " + expected + ") " + response.getContentAsString());
        } else if (e.path().startsWith("/api/") && (expected == 401 || expected == 403)) {
            if (!response.getContentAsString().matches("\\{\\s*\"error\"\\s*:\\s*\"[^\"\\n]+\"\\s*}\\s*")) {
                wrong.add(e + " as " + who + ": body " + response.getContentAsString());
            }
        }
    }
}
