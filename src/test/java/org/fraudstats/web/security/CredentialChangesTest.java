package org.fraudstats.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.fraudstats.FraudstatsApplication;
import org.fraudstats.access.Actor;
import org.fraudstats.access.Role;
import org.fraudstats.access.Totp;
import org.fraudstats.access.Users;
import org.fraudstats.audit.AfterAReset;
import org.fraudstats.audit.AuditRecord;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What a change of credentials does to the sessions and sign-ins under way (review 31): a password set ends the
 * user's other sessions, a first sign-in begun with the old password or key cannot finish, the sign-in through the
 * first TOTP code gets a new CSRF token as the form's does, and a first key leaves a leader's lock alone.
 */
@SpringBootTest(classes = FraudstatsApplication.class, properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
class CredentialChangesTest extends DatabaseTest {

    private static final Actor SETUP = new Actor("setup", "", "test");
    private static final Actor ADMIN = new Actor("cc.admin", "admin", "10.0.0.9");

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    org.fraudstats.access.Tokens tokens;

    private void add(String name, Role role, String password) {
        users.add(name, role, password, SETUP);
        org.fraudstats.support.OwnPasswords.keptByTheirUser(jdbc, name);
    }

    private Cookie signIn(String name, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", name).param("password", password).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    private List<String> ended(String name) {
        return jdbc.queryForList("SELECT result FROM audit_event WHERE user_name = ? AND action = 'sign-out' ORDER BY id",
                String.class, name);
    }

    /**
     * A role is changed by the owner in psql (no command changes one): recorded nowhere, and the user's tokens went
     * on with the new role, a press officer's script reading figures once made a statistician (r40d). The change is
     * an audit row of its own now, and the tokens end with it, as the sessions do at their next request.
     */
    @Test
    void aRoleChangedByTheOwnerIsRecorded_andEndsTheTokensAndSessions() throws Exception {
        add("cc.moved", Role.PRESS, "Press-Pass-2026!x");
        String token = tokens.create("cc.moved", 30, SETUP);
        Cookie session = signIn("cc.moved", "Press-Pass-2026!x");
        mvc.perform(get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-01").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        long token1 = jdbc.queryForObject("SELECT max(id) FROM api_token WHERE user_name = 'cc.moved'", Long.class);

        jdbc.update("UPDATE app_user SET role = 'statistician' WHERE name = 'cc.moved'");
        // the session ended with the change, not at its next request: one idle through a change and its undoing went
        // on (r40f)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = 'cc.moved'", Integer.class)).isZero();
        assertThat(ended("cc.moved")).containsExactly("ended: role changed");

        assertThat(jdbc.queryForMap("SELECT user_name, role, client, action, object, result FROM audit_event "
                + "WHERE action = 'user-role' ORDER BY id DESC LIMIT 1")).containsExactly(
                java.util.Map.entry("user_name", "db:" + jdbc.queryForObject("SELECT session_user", String.class)), java.util.Map.entry("role", ""),
                java.util.Map.entry("client", jdbc.queryForObject("SELECT 'database ' || coalesce(host(inet_client_addr()), 'local')", String.class)),
                java.util.Map.entry("action", "user-role"),
                java.util.Map.entry("object", "cc.moved (press → statistician; tokens ended: token " + token1 + ")"),
                java.util.Map.entry("result", "success"));
        mvc.perform(get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-01").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/bulletins").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(ended("cc.moved")).containsExactly("ended: role changed");
        // a change that changes nothing is no change
        jdbc.update("UPDATE app_user SET role = 'statistician' WHERE name = 'cc.moved'");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'user-role' AND object LIKE 'cc.moved %'", Long.class)).isOne();
        assertThat(org.fraudstats.audit.AuditWords.action("user-role")).isEqualTo("变更角色");

        // a token made while the owner's change was not yet committed escaped that revoke: each token serves only the
        // role it was made for (review r40e), here one made for press, its user a statistician now
        String during = tokens.create("cc.moved", 30, SETUP);
        mvc.perform(get("/api/v1/runs").header("Authorization", "Bearer " + during)).andExpect(status().isOk());
        jdbc.update("UPDATE api_token SET role = 'press' WHERE id = (SELECT max(id) FROM api_token WHERE user_name = 'cc.moved')");
        mvc.perform(get("/api/v1/runs").header("Authorization", "Bearer " + during)).andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("401: token made for role press");
    }

    @Test
    void changingOnesOwnPasswordEndsOnesOtherSessions_andKeepsThisOne() throws Exception {
        add("cc.leader", Role.LEADER, "Leader-Pass-2026!");
        Cookie phone = signIn("cc.leader", "Leader-Pass-2026!");
        Cookie desk = signIn("cc.leader", "Leader-Pass-2026!");
        mvc.perform(post("/account/password").cookie(desk).param("current", "Leader-Pass-2026!")
                .param("password", "Another-Pass-2027!").param("repeat", "Another-Pass-2027!").with(csrf()))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/bulletins").cookie(desk)).andExpect(status().isOk());
        mvc.perform(get("/bulletins").cookie(phone)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/bulletins").cookie(phone)).andExpect(status().isUnauthorized());
        assertThat(ended("cc.leader")).containsExactly("ended: password changed");
        assertThat(org.fraudstats.audit.AuditWords.result("ended: password changed")).isEqualTo("会话结束：密码已重设");
    }

    @Test
    void aPasswordResetByAnAdministratorEndsEverySessionOfItsUser() throws Exception {
        add("cc.stat", Role.STATISTICIAN, "Stat-Pass-2026!x");
        Cookie stolen = signIn("cc.stat", "Stat-Pass-2026!x");
        users.changePassword("cc.stat", "Reset-By-Admin-2026!", ADMIN);
        // it could revoke the user's tokens from /account while the new password was due
        mvc.perform(post("/account/token/revoke").cookie(stolen).param("id", "1").with(csrf())).andExpect(redirectedUrl("/login?expired"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = 'cc.stat'", Integer.class)).isZero();
        assertThat(ended("cc.stat")).containsExactly("ended: password changed");
    }

    @Test
    void aFirstSignInBegunBeforeTheKeyAndPasswordWereSetAgainCannotSeeNorConfirmTheNewKey() throws Exception {
        add("cc.aud", Role.AUDITOR, "Auditor-Pass-2026!");
        users.enrolTotp("cc.aud", SETUP);
        Cookie pending = mvc.perform(post("/login").param("username", "cc.aud").param("password", "Auditor-Pass-2026!").with(csrf()))
                .andExpect(redirectedUrl("/login/totp")).andReturn().getResponse().getCookie("SESSION");
        // told the password leaked, the operator sets both again
        String secret = Totp.secretOf(users.enrolTotp("cc.aud", SETUP));
        users.changePassword("cc.aud", "Brand-New-Pass-2026!", SETUP);
        mvc.perform(get("/login/totp/qr.svg").cookie(pending)).andExpect(status().isNotFound());
        mvc.perform(post("/login/totp").cookie(pending).param("code", Totp.code(secret, Instant.now())).with(csrf()))
                .andExpect(redirectedUrl("/login/totp?error"));
        mvc.perform(get("/login/totp").cookie(pending)).andExpect(redirectedUrl("/login?expired"));
        assertThat(jdbc.queryForObject("SELECT totp_confirmed FROM app_user WHERE name = 'cc.aud'", Boolean.class)).isFalse();
        assertThat(jdbc.queryForList("SELECT result FROM audit_event WHERE user_name = 'cc.aud' AND action = 'sign-in' ORDER BY id", String.class))
                // the code sent, then the page asked again: each refusal audited (retest 31: a reload left no row)
                .containsExactly("pending: TOTP enrolment", "failure: password or TOTP key set since the password was checked",
                        "failure: password or TOTP key set since the password was checked");
        // not counted: the user's own first sign-in with the new password goes on
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE name = 'cc.aud'", Integer.class)).isZero();
        Cookie own = mvc.perform(post("/login").param("username", "cc.aud").param("password", "Brand-New-Pass-2026!").with(csrf()))
                .andExpect(redirectedUrl("/login/totp")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(post("/login/totp").cookie(own).param("code", Totp.code(secret, Instant.now())).with(csrf())).andExpect(redirectedUrl("/"));
    }

    @Test
    void theSignInThroughTheFirstCodeGetsANewCsrfToken_asTheFormsDoes() throws Exception {
        for (String who : new String[] {"cc.enrol", "cc.plain"}) {
            add(who, Role.LEADER, "Leader-Pass-2026!");
            String secret = who.equals("cc.enrol") ? Totp.secretOf(users.enrolTotp(who, SETUP)) : null;
            // a session planted before sign-in (a sibling subdomain's cookie), whose token its planter read at /login
            MvcResult login = mvc.perform(get("/login")).andReturn();
            Cookie session = login.getResponse().getCookie("SESSION");
            String planted = csrfOf(login);
            MvcResult password = mvc.perform(post("/login").cookie(session).param("username", who).param("password", "Leader-Pass-2026!")
                    .param("_csrf", planted)).andReturn();
            session = cookieOr(password, session);
            if (secret != null) {
                MvcResult page = mvc.perform(get("/login/totp").cookie(session)).andReturn();
                MvcResult confirmed = mvc.perform(post("/login/totp").cookie(session).param("code", Totp.code(secret, Instant.now()))
                        .param("_csrf", csrfOf(page))).andExpect(redirectedUrl("/")).andReturn();
                session = cookieOr(confirmed, session);
            }
            mvc.perform(post("/account/token/revoke").cookie(session).param("id", "424242").param("_csrf", planted))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aFirstKeyLiftsTheLockOfAnAuditorOrAdministratorOnly_andTheAuditorsHintSeesTheReset() {
        add("cc.press", Role.PRESS, "Press-Pass-2026!");
        add("cc.aud2", Role.AUDITOR, "Auditor-Pass-2026!x");
        for (String name : new String[] {"cc.press", "cc.aud2"}) {
            for (int i = 0; i < 5; i++) {
                context.getBean(org.fraudstats.access.SignIn.class).attempt(name, "Wrong-Guess-000" + i, null, "10.0.0.5");
            }
            users.enrolTotp(name, ADMIN);
        }
        // a press officer signs in without a key: five wrong passwords are someone guessing, and a key gave five more
        assertThat(jdbc.queryForObject("SELECT locked_until IS NOT NULL FROM app_user WHERE name = 'cc.press'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT locked_until IS NULL FROM app_user WHERE name = 'cc.aud2'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("SELECT object || '|' || result FROM audit_event WHERE action = 'user-totp' AND object IN ('cc.press', 'cc.aud2') ORDER BY id",
                String.class)).containsExactly("cc.press|success", "cc.aud2|success: lock of the sign-ins tried before the first key lifted");

        AfterAReset watch = new AfterAReset();
        var reset = new AuditRecord(java.time.OffsetDateTime.parse("2026-12-06T10:00:00+08:00"), "cc.admin", "admin", "10.0.0.9",
                "user-totp", "cc.aud2", "success: lock of the sign-ins tried before the first key lifted");
        watch.flags(reset);
        assertThat(watch.flags(new AuditRecord(reset.time().plusMinutes(5), "cc.aud2", "auditor", "10.0.0.9", "sign-in", "cc.aud2",
                "success"))).isTrue();
    }

    @Test
    void theAuditsClientIsAnAddress_neverWhatAForwardedHeaderSaidInstead() {
        for (String address : new String[] {"10.1.2.3", "10.1.2.3:5555", "::1", "0:0:0:0:0:0:0:1", "1:2:3:4:5:6:7::", "fe80::1%eth9",
                "::ffff:10.1.2.3", "[2001:db8::7]", "[2001:db8::7]:443", ""}) {
            assertThat(Clients.address(from(address))).as(address).isEqualTo(address);
        }
        for (String notOne : new String[] {"999.999.999.999", "[::1", "::1]", "1:2", "g::1", "localhost"}) {
            assertThat(Clients.address(from(notOne))).as(notOne).startsWith("(not an address: ");
        }
        String digits = "6222" + "0212" + "3456" + "7890";
        assertThat(Clients.address(from(digits))).isEqualTo("(not an address: 16 characters)");
        assertThat(Clients.address(from("li.admin-pc"))).isEqualTo("(not an address: 11 characters)");
    }

    @Test
    void theAuditPageMarksEveryRefusalRed() {
        for (String refused : new String[] {"failure: wrong password", "refused: separation of duties", "locked until 2026-12-06T10:15:00+08:00",
                "403: no valid CSRF token", "401: token expired or revoked", "405", "400", "403", "500"}) {
            assertThat(record(refused).failed()).as(refused).isTrue();
        }
        for (String fine : new String[] {"success", "success: shown inline", "pending: TOTP enrolment", "requested", "not-modified"}) {
            assertThat(record(fine).failed()).as(fine).isFalse();
        }
    }

    private static AuditRecord record(String result) {
        return new AuditRecord(java.time.OffsetDateTime.now(), "u", "leader", "127.0.0.1", "request", "GET /", result);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }

    private static String csrfOf(MvcResult page) throws Exception {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Cookie cookieOr(MvcResult result, Cookie before) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        return cookie != null ? cookie : before;
    }
}
