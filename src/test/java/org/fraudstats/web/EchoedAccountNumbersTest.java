package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An account number typed where an id, a name or a filter goes is shown back masked wherever it is echoed: in an
 * error of the API or a page, a notice, the audit log and the command line (leak tester: ids of 12 to 18 digits, a
 * user name, a token id and the audit filters came back whole).
 */
class EchoedAccountNumbersTest extends PortalTest {

    /** Fifteen digits: a card number's length that the id paths took whole. */
    private static final String NUMBER = "622202" + "123456" + "789";
    private static final String MASKED = "***********6789";

    @Test
    void theApiAndThePagesEchoItMasked() throws Exception {
        String api = answer("STATISTICIAN", get("/api/v1/reruns/" + NUMBER));
        assertThat(api).isEqualTo("{\n  \"error\": \"no rerun " + MASKED + "\"\n}\n");
        // the page of an id that names nothing says it, as the API does, masked from twelve digits (r34a: …)
        assertThat(answer("STATISTICIAN", get("/runs/" + NUMBER))).contains("没有编号为 " + MASKED + " 的重算").doesNotContain(NUMBER);
        assertThat(answer("STATISTICIAN", get("/runs/99999999"))).contains("没有编号为 99999999 的重算");
        String stop = answer("STATISTICIAN", post("/runs/" + NUMBER + "/stop").with(csrf()));
        assertThat(stop).contains(MASKED).doesNotContain(NUMBER);
        String body = answer("STATISTICIAN", post("/api/v1/reruns").contentType("application/json")
                .content("{\"from\":\"2024-03-01\",\"to\":\"2024-03-02\",\"dry_run\": tru" + NUMBER + "}"));
        assertThat(body).contains("\"error\": \"the body is not JSON").doesNotContain(NUMBER).contains("6789");

        var disabled = mvc.perform(post("/users/disable").param("name", NUMBER).with(user("echo.admin").roles("ADMIN")).with(csrf()))
                .andReturn();
        assertThat(String.valueOf(disabled.getFlashMap().get("error"))).doesNotContain(NUMBER);
        var revoked = mvc.perform(post("/account/token/revoke").param("id", NUMBER).with(user("echo.stat").roles("STATISTICIAN"))
                .with(csrf())).andReturn();
        assertThat(String.valueOf(revoked.getFlashMap().get("error"))).isEqualTo("没有编号为 " + MASKED + " 的有效令牌");

        String audit = answer("AUDITOR", get("/audit").param("user", NUMBER).param("result", NUMBER));
        assertThat(audit).contains("value=\"" + MASKED + "\"").doesNotContain(NUMBER);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE concat(user_name, object, result) LIKE ?",
                Long.class, "%" + NUMBER + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE object LIKE ?", Long.class, "%" + MASKED + "%"))
                .isPositive();
    }

    @Test
    void theCommandLineEchoesItMasked() {
        assertThat(cli("restart", NUMBER)).isEqualTo(new Run(2, "", "fraudstats restart: no job execution " + MASKED
                + " (see fraudstats history)\n"));
        assertThat(cli("user", "password", NUMBER).err()).isEqualTo("fraudstats user password: no user " + MASKED
                + " (see ./fraudstats user list)\n");
    }

    private String answer(String role, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("echo." + role.toLowerCase()).roles(role))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
