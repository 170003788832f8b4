package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.fraudstats.FraudstatsApplication;
import org.fraudstats.access.Actor;
import org.fraudstats.access.Role;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.Totp;
import org.fraudstats.access.Users;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /api/v1/rejects and /api/v1/audit stream their rows (a StreamingResponseBody): Tomcat runs the request a second time,
 * as an ASYNC dispatch, once the body is written. MockMvc never makes that dispatch through the filters as Tomcat does,
 * so this class asks a real server on a random port, with a bearer token and with a session, and watches the log: a
 * routine download must be whole and leave no ERROR (an operator alerted on ERROR would be woken by every script), and
 * a refused one must still be a 401/403 {"error"} recorded in the audit log.
 */
@SpringBootTest(classes = FraudstatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class StreamedListingsServedTest extends DatabaseTest {

    private static final Actor SETUP = new Actor("setup", "", "test");
    private static final String PERIOD = "from=2022-10-01&to=2022-10-31";
    private static final Pattern ONE_LINE_ERROR = Pattern.compile("\\{\\s*\"error\"\\s*:\\s*\"[^\"\\n]+\"\\s*}\\s*");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Logged logged = new Logged();

    /** Every event logged while a test runs, whatever its thread (Tomcat's, the async executor's). */
    static final class Logged extends AppenderBase<ILoggingEvent> {

        final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }

        /** The events of level ERROR or naming a refusal of Spring Security, one line each. */
        List<String> alarms() {
            return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || mentions(e, "AuthorizationDenied")
                    || mentions(e, "already committed") || mentions(e, "getOutputStream() has already been called"))
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName() + ": "
                               + e.getThrowableProxy().getMessage()))
                    .toList();
        }

        private static boolean mentions(ILoggingEvent e, String text) {
            if (e.getFormattedMessage() != null && e.getFormattedMessage().contains(text)) {
                return true;
            }
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                if (t.getClassName().contains(text) || (t.getMessage() != null && t.getMessage().contains(text))) {
                    return true;
                }
            }
            return false;
        }
    }

    @BeforeEach
    void octobersDropsUsersAndALogWatcher() {
        synchronized (StreamedListingsServedTest.class) {
            Users users = context.getBean(Users.class);
            if (users.find("stream-statistician").isEmpty()) {
                assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-01", "--to", "2022-10-31").exitCode()).isZero();
                for (Role role : Role.values()) {
                    users.add("stream-" + role.code(), role, password(role), SETUP);
                    org.fraudstats.support.OwnPasswords.keptByTheirUser(jdbc, "stream-" + role.code());
                }
            }
        }
        logged.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopWatching() {
        root().detachAppender(logged);
        logged.stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String password(Role role) {
        return "Listed-" + role.code() + "-Passw0rd!";
    }

    private String token(Role role) {
        return context.getBean(Tokens.class).create("stream-" + role.code(), 1, SETUP);
    }

    @Test
    void rejectsStreamedToABearerTokenAreWholeAndLogNoError() throws Exception {
        HttpResponse<byte[]> api = get("/api/v1/rejects?" + PERIOD, "Authorization", "Bearer " + token(Role.STATISTICIAN));
        byte[] cli = cli("rejects", "--from", "2022-10-01", "--to", "2022-10-31", "--format", "json").out().getBytes(StandardCharsets.UTF_8);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(new String(api.body(), StandardCharsets.UTF_8)).startsWith("[").contains("\"reason\"");
        assertThat(api.body()).isEqualTo(cli);
        assertNothingAlarming();
    }

    @Test
    void theAuditLogStreamedToABearerTokenIsWholeAndLogsNoError() throws Exception {
        HttpResponse<byte[]> api = get("/api/v1/audit", "Authorization", "Bearer " + token(Role.AUDITOR));
        // the auditor's own read is recorded before the log is streamed, so both listings end with it
        byte[] cli = cli("audit", "--format", "json").out().getBytes(StandardCharsets.UTF_8);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(new String(api.body(), StandardCharsets.UTF_8)).contains("\"stream-auditor\"").contains("\"read-audit\"");
        assertThat(api.body()).isEqualTo(cli);
        assertNothingAlarming();
    }

    @Test
    void listingsStreamedToASignedInSessionAreWholeAndLogNoError() throws Exception {
        String statistician = signIn(Role.STATISTICIAN, null);
        HttpResponse<byte[]> rejects = get("/api/v1/rejects?" + PERIOD, "Cookie", statistician);
        assertThat(rejects.statusCode()).isEqualTo(200);
        assertThat(rejects.body()).isEqualTo(cli("rejects", "--from", "2022-10-01", "--to", "2022-10-31", "--format", "json").out()
                .getBytes(StandardCharsets.UTF_8));

        // an auditor signs in with a TOTP code: enrolled and confirmed as `user totp` and a first sign-in would
        Users users = context.getBean(Users.class);
        String secret = Totp.secretOf(users.enrolTotp("stream-auditor", SETUP));
        SignIn signIn = context.getBean(SignIn.class);
        SignIn.Attempt pending = signIn.attempt("stream-auditor", password(Role.AUDITOR), null, "test");
        assertThat(pending.outcome()).isEqualTo(SignIn.Outcome.TOTP_PENDING);
        assertThat(signIn.confirmTotp("stream-auditor", Totp.code(secret, Instant.now().minusSeconds(30)), "test", pending.checked()).outcome())
                .isEqualTo(SignIn.Outcome.SUCCESS);
        String auditor = signIn(Role.AUDITOR, Totp.code(secret, Instant.now()));
        HttpResponse<byte[]> audit = get("/api/v1/audit?from=2000-01-01&to=2009-12-31", "Cookie", auditor);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).isEqualTo(cli("audit", "--from", "2000-01-01", "--to", "2009-12-31", "--format", "json").out()
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> all = get("/api/v1/audit", "Cookie", auditor);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).isEqualTo(cli("audit", "--format", "json").out().getBytes(StandardCharsets.UTF_8));
        assertNothingAlarming();
    }

    /**
     * A session cookie that is no session id of ours (SESSION=AAAA decodes to NUL bytes) is no session: every address
     * answered 500, the API with a valid token too, each with a stack trace in the log (r39d).
     */
    @Test
    void aSessionCookieThatIsNoSessionIdIsNoSession() throws Exception {
        String statistician = token(Role.STATISTICIAN);
        for (String cookie : new String[] {"SESSION=AAAA", "SESSION=AA==", "SESSION=AP8=", "other=1; SESSION=AAAA"}) {
            assertThat(get("/login", "Cookie", cookie).statusCode()).as(cookie).isEqualTo(200);
            assertThat(get("/actuator/health", "Cookie", cookie).statusCode()).as(cookie).isEqualTo(200);
            HttpResponse<byte[]> page = get("/bulletins", "Cookie", cookie);
            assertThat(page.statusCode()).as(cookie).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(cookie).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            HttpResponse<byte[]> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs?limit=1"))
                    .header("Cookie", cookie).header("Authorization", "Bearer " + statistician).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(api.statusCode()).as(cookie).isEqualTo(200);
        }
        // nor on the container's error pages, where Spring Session reads the cookie again (review r39e: two traces each)
        assertThat(get("/js/nope.js", "Cookie", "SESSION=AAAA").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).header("Cookie", "SESSION=AAAA")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/nope", "Cookie", "SESSION=AAAA", "Authorization", "Bearer " + statistician).statusCode()).isEqualTo(404);
        // a real session's cookie beside it still signs in
        String signedIn = signIn(Role.STATISTICIAN, null);
        assertThat(get("/bulletins", "Cookie", "SESSION=AAAA; " + signedIn).statusCode()).isEqualTo(200);
        assertNothingAlarming();
    }

    @Test
    void aRefusedListingIsStillA401Or403InJsonAndAudited() throws Exception {
        String[][] refusals = {
                // path, Authorization or null, status, user who is recorded
                {"/api/v1/rejects?" + PERIOD, null, "401", ""},
                {"/api/v1/rejects?" + PERIOD, "Bearer fst_not-a-token", "401", ""},
                {"/api/v1/rejects?" + PERIOD, "Bearer " + token(Role.LEADER), "403", "stream-leader"},
                {"/api/v1/rejects?" + PERIOD, "Bearer " + token(Role.AUDITOR), "403", "stream-auditor"},
                {"/api/v1/audit?" + PERIOD, null, "401", ""},
                {"/api/v1/audit?" + PERIOD, "Bearer fst_not-a-token", "401", ""},
                {"/api/v1/audit?" + PERIOD, "Bearer " + token(Role.STATISTICIAN), "403", "stream-statistician"},
                {"/api/v1/audit?" + PERIOD, "Bearer " + token(Role.ADMIN), "403", "stream-admin"},
        };
        for (String[] r : refusals) {
            long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
            HttpResponse<byte[]> refused = r[1] == null ? get(r[0]) : get(r[0], "Authorization", r[1]);
            String body = new String(refused.body(), StandardCharsets.UTF_8);
            assertThat(refused.statusCode()).as(r[0] + " " + r[1] + ": " + body).isEqualTo(Integer.parseInt(r[2]));
            assertThat(refused.headers().firstValue("Content-Type")).as(r[0]).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(body).as(r[0]).matches(ONE_LINE_ERROR);
            assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event WHERE id > ? ORDER BY id",
                    String.class, before)).as(r[0] + " " + r[1])
                    .containsExactly(r[3] + "|request|GET " + r[0].substring(0, r[0].indexOf('?')) + "|" + r[2]);
        }
        assertNothingAlarming();
    }

    /**
     * A form is read as UTF-8, as the browser sent it, though its Content-Type names no charset: read as ISO-8859-1
     * (a filter read the parameters before the encoding was set), a password set with the CLI and holding an ö never
     * matched on the web, each é counted as two characters of two kinds (a weaker password than web.md allows passed
     * the web's rules), and 张三 was recorded as a name of 6 characters (tester).
     */
    @Test
    void aFormIsReadAsUtf8AsTheBrowserSentIt() throws Exception {
        Users users = context.getBean(Users.class);
        if (users.find("stream-umlaut").isEmpty()) {
            users.add("stream-umlaut", Role.LEADER, "Größere-Wörter-9", SETUP);
            org.fraudstats.support.OwnPasswords.keptByTheirUser(jdbc, "stream-umlaut");
        }
        HttpResponse<String> signedIn = signInForm("stream-umlaut", "Größere-Wörter-9", null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/").doesNotContain("login"));

        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        assertThat(signInForm("张三", "whatever-it-is-1", null).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(jdbc.queryForList("SELECT object FROM audit_event WHERE id > ? AND action = 'sign-in'", String.class, before))
                .containsExactly("(not a user name, 2 characters)");
    }

    /**
     * A method nothing answers (BLAH) is a 405, as TRACE is, not "请求有误：地址不被接受" of an address that was fine; an
     * HTTP version Tomcat does not speak is the client's doing, not "服务器内部错误 … 请联系系统管理员" (r34a).
     */
    @Test
    void anUnknownMethodIs405_andAnUnknownHttpVersionIsNoInternalError() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/headline"))
                .method("BLAH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.body()).contains("不支持此请求方式。").doesNotContain("地址");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/metrics"))
                .method("BLAH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.body().replaceAll("\\s", "")).isEqualTo("{\"error\":\"methodnotallowed\"}");
        // in the order recorded: without ORDER BY the rows came in the heap's order, once the other way round (CI of 99d5a6ad)
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE id > ? ORDER BY id", String.class, before))
                .containsExactly("request|BLAH /headline|405", "request|BLAH /api/v1/metrics|405");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /headline HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 505").contains("不支持此 HTTP 协议版本。").doesNotContain("服务器内部错误");
        }
    }

    /**
     * TRACE and OPTIONS are no method of the API: refused, and recorded as what they were. TRACE is refused by Tomcat
     * before any filter (recorded as "GET …" by nobody); OPTIONS was answered 200 with the methods allowed and not
     * recorded, to a role refused the GET (MLPS tester).
     */
    @Test
    void traceAndOptionsAreRefusedAndRecordedAsWhatTheyWere() throws Exception {
        String[][] cases = {{"TRACE", "|request|TRACE /api/v1/audit|405"},
                {"OPTIONS", "stream-statistician|request|OPTIONS /api/v1/audit|405"}};
        for (String[] c : cases) {
            long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
            String bearer = "Bearer " + token(Role.STATISTICIAN);
            long tokenRecorded = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit?" + PERIOD))
                    .header("Authorization", bearer).method(c[0], HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(c[0]).isEqualTo(405);
            assertThat(refused.body()).as(c[0]).matches(ONE_LINE_ERROR).doesNotContain("Bearer");
            if (c[0].equals("OPTIONS")) {
                // RFC 9110: a 405 says what the path does take
                assertThat(refused.headers().firstValue("Allow")).as(c[0]).hasValue("GET, HEAD");
            }
            assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event WHERE id > ?",
                    String.class, Math.max(before, tokenRecorded))).as(c[0]).containsExactly(c[1]);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reruns"))
                .header("Authorization", "Bearer " + token(Role.STATISTICIAN)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("POST");
        // the portal's own files take GET and HEAD; a path nothing serves is not there (a 405 said it was, with no Allow);
        // a path climbing out is the firewall's 400 before anything looks
        for (String[] path : new String[][] {{"/css/portal.css", "405", "GET, HEAD"}, {"/api/v1/nothing-here", "404", null},
                {"/css/../css/portal.css", "400", null}, {"/actuator/health", "405", "GET, HEAD"}, {"/login", "405", "GET, HEAD, POST"}}) {
            HttpResponse<String> options = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path[0]))
                    .header("Authorization", "Bearer " + token(Role.STATISTICIAN)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(options.statusCode()).as(path[0]).isEqualTo(Integer.parseInt(path[1]));
            assertThat(options.headers().firstValue("Allow")).as(path[0]).isEqualTo(java.util.Optional.ofNullable(path[2]));
        }
        // a page's session asks the sign-out Spring Security serves, which no controller maps (review 30b: a 404)
        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout"))
                .header("Cookie", signIn(Role.STATISTICIAN, null)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(405);
        assertThat(logout.headers().firstValue("Allow")).hasValue("POST");
        assertNothingAlarming();
    }

    /** An attempt to write to the audit log is refused and recorded, whoever makes it (tester B). */
    @Test
    void aWriteToTheAuditLogIsA405AndRecorded() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit?" + PERIOD))
                .header("Authorization", "Bearer " + token(Role.AUDITOR)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.body()).matches(ONE_LINE_ERROR);
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event WHERE id > ? AND result = '405'",
                String.class, before)).containsExactly("stream-auditor|auditor|request|DELETE /api/v1/audit|405");
        assertNothingAlarming();
    }

    @Test
    void aPageFormSentWithoutItsCsrfTokenSaysTheFormExpired_notThatTheRoleMayNot() throws Exception {
        String statistician = signIn(Role.STATISTICIAN, null);
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        for (String body : new String[] {"from=2022-10-01&to=2022-10-02", "from=2022-10-01&to=2022-10-02&_csrf=stale"}) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/runs/plan"))
                    .header("Cookie", statistician).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Referer", "http://127.0.0.1:" + port + "/runs?from=2022-10-01&to=2022-10-02")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            // not "refresh": that posts the expired form again (r44c); the way back is the form's own page
            assertThat(refused.body()).contains("表单已失效（页面打开过久，或已在别处退出后重新登录），未提交：请回到原页面重新提交（刷新本页只会再次提交失效的表单）。")
                    .contains("<a href=\"/runs?from=2022-10-01&amp;to=2022-10-02\" class=\"back\">← 回到原页面</a>")
                    .doesNotContain("您的角色无权访问此页面");
        }
        // and recorded as what it was, which an auditor looking for a forged cross-site post can find (tester 30a)
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE id > ?", String.class, before))
                .containsExactly("request|POST /runs/plan|403: no valid CSRF token", "request|POST /runs/plan|403: no valid CSRF token");
        // the session ended (signed out in another tab): said so, and the way back leads through the sign-in
        HttpResponse<String> ended = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/runs/plan"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", "http://127.0.0.1:" + port + "/runs?from=2022-10-01&to=2022-10-02")
                .POST(HttpRequest.BodyPublishers.ofString("from=2022-10-01&to=2022-10-02&_csrf=stale")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ended.statusCode()).isEqualTo(403);
        assertThat(ended.body()).contains("登录已结束（页面打开过久，或已在别处退出登录），表单未提交：请回到原页面，登录后重新提交。")
                .contains("<a href=\"/runs?from=2022-10-01&amp;to=2022-10-02\" class=\"back\">← 回到原页面</a>");
        // the sign-in form itself, left open too long: nobody's session ended; the way back is a new sign-in page (r44f)
        HttpResponse<String> signInForm = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y&_csrf=stale")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signInForm.statusCode()).isEqualTo(403);
        assertThat(signInForm.body()).contains("登录页面打开过久，已失效：请重新打开登录页面登录。")
                .contains("<a href=\"/login\" class=\"back\">← 重新打开登录页面</a>");
        // a page the role may not open still says so
        HttpResponse<byte[]> users = get("/users", "Cookie", statistician);
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE object = 'GET /users' ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("403");
        // under the centre's name, in the header and the footer, as every page
        assertThat(new String(users.body(), StandardCharsets.UTF_8)).contains("您的角色无权访问此页面")
                .contains("<span class=\"brand-centre\">佛山市反诈骗中心</span>")
                .contains("<span>佛山市反诈骗中心</span> · 内部资料 注意保密")
                // with who is signed in and the links of the role, as every page
                .contains("<span class=\"who-name\">")
                .contains(">运行与重算</a>").contains(">最新通报</a>").doesNotContain(">用户与令牌</a>");
        // not signed in (the error page is open to anybody): the page, with nobody's name nor links
        HttpResponse<byte[]> anonymous = get("/error");
        // asked for by its address, /error is no page (it said 服务器内部错误)
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("页面不存在。").doesNotContain("服务器内部错误");
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("<span class=\"brand-centre\">佛山市反诈骗中心</span>")
                .contains("出错了").doesNotContain("who-name").doesNotContain("最新通报");
    }

    @Test
    void aPathTheFirewallRefusesIsA400SayingWhatInIt() throws Exception {
        String[][] cases = {
                {"/api/v1/bulletins/2022-10-03/..%2Fdaily.pdf", "{\"error\":\"the path holds an encoded slash (%2F or %5C)\"}"},
                {"/api/v1//metrics?from=2022-10-01&to=2022-10-24", "{\"error\":\"the path holds an empty segment (//) or '..'\"}"},
                {"/api/v1/metrics;x=1?from=2022-10-01&to=2022-10-24", "{\"error\":\"the path holds a ';'\"}"}};
        for (String[] c : cases) {
            HttpResponse<byte[]> refused = get(c[0]);
            assertThat(refused.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8).replaceAll("\\s", "")).as(c[0])
                    .isEqualTo(c[1].replace(" ", ""));
        }
        // recorded, as every refusal is (tester B)
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE object LIKE 'GET /api/v1/bulletins/2022-10-03/%' "
                + "AND result = '400'", String.class)).containsExactly("request|GET /api/v1/bulletins/2022-10-03/../daily.pdf|400");
        // a page says it in Chinese
        HttpResponse<byte[]> page = get("/bulletins/2022-10-03%2F..%2Fdaily");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("请求有误：地址中含编码的斜杠（%2F 或 %5C）。");
        // with the headers of every other answer, which the firewall's never passed by (tester 30a: an MLPS scan flags it);
        // a TRACE, which Tomcat refuses before any filter, too
        HttpResponse<String> trace = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/headline"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        // and what Tomcat refuses before the application (r34a: no X-Frame-Options nor Referrer-Policy)
        HttpResponse<byte[]> dotted = get("/%2e%2e/x");
        assertThat(dotted.statusCode()).isEqualTo(400);
        for (java.net.http.HttpHeaders headers : List.of(page.headers(), get("/api/v1/x%2Fy").headers(), trace.headers(), dotted.headers())) {
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void aQueryThatCannotBeDecodedIsABadRequestAndWritesNothingIntoTheLog() throws Exception {
        String card = "6222" + "6514" + "3642" + "3492";
        // sent as written: java.net.URI refuses such an address, curl and a script's string do not
        assertThat(raw("/login?card=" + card + "%", "")).startsWith("HTTP/1.1 400 ").contains("<p class=\"notice error\" role=\"alert\">请求有误。</p>");
        assertThat(raw("/api/v1/metrics?from=2022-10-01%ZZ&x=a%0d%0a20:27:00.000+08:00%20INFO%20forged",
                "Authorization: Bearer " + token(Role.STATISTICIAN) + "\r\n")).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json").contains("bad request");
        assertNothingAlarming();
        assertThat(logged.events).noneMatch(e -> e.getFormattedMessage().contains(card) || e.getFormattedMessage().contains("forged"));
    }

    /** The whole answer, status line to body, to a GET of the path exactly as given. */
    private String raw(String path, String headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in through the form, as a browser does, and returns the Cookie header of the session. */
    private String signIn(Role role, String code) throws Exception {
        HttpResponse<String> signedIn = signInForm("stream-" + role.code(), password(role), code);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/").doesNotContain("login"));
        return cookies(signedIn);
    }

    /** The sign-in form sent as a browser sends it: UTF-8, and a Content-Type naming no charset. */
    private HttpResponse<String> signInForm(String user, String password, String code) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        String cookie = cookies(form);
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + (code == null ? "" : "&code=" + code);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).reduce((a, b) -> a + "; " + b).orElse("");
    }

    /**
     * No ERROR and no refusal of the async dispatch in the log. The container's second dispatch may still be finishing
     * when the client has read the last byte, so the log is watched a moment longer.
     */
    private void assertNothingAlarming() throws InterruptedException {
        Thread.sleep(1000);
        assertThat(logged.alarms()).isEmpty();
    }
}
