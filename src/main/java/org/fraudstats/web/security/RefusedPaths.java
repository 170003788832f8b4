package org.fraudstats.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.storage.DigitRuns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A path Spring Security's firewall refuses (an encoded slash, "..", "//", a ";") is 400 saying what in the path is
 * refused: it was a bare {"error": "bad request"} (and 请求有误。 on a page), while the README promises a one-line
 * reason naming it. ErrorPages reads the reason set here; the path itself is not echoed.
 */
@Configuration(proxyBeanMethods = false)
class RefusedPaths {

    static final String REASON = RefusedPaths.class.getName() + ".reason";
    static final String REASON_CHINESE = RefusedPaths.class.getName() + ".chinese";

    @Bean
    RequestRejectedHandler pathRefused() {
        return RefusedPaths::refuse;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String why = e.getMessage() == null ? "" : e.getMessage();
        String english;
        String chinese;
        if (why.contains("%2F") || why.contains("%2f") || why.contains("%5C") || why.contains("%5c")) {
            english = "the path holds an encoded slash (%2F or %5C)";
            chinese = "地址中含编码的斜杠（%2F 或 %5C）";
        } else if (why.contains("\"//\"") || why.contains("normalized")) {
            english = "the path holds an empty segment (//) or '..'";
            chinese = "地址中含空段（//）或“..”";
        } else if (why.contains("\";\"") || why.contains("semicolon") || why.contains("%3B") || why.contains("%3b")) {
            english = "the path holds a ';'";
            chinese = "地址中含分号（;）";
        } else if (why.contains("..") || why.contains("%2E") || why.contains("%2e")) {
            english = "the path holds '..'";
            chinese = "地址中含“..”";
        } else if (why.contains("HTTP method")) {
            // a method no endpoint answers (BLAH /): said as a TRACE is, not as an address refused (r34a)
            request.setAttribute(REASON, "method not allowed");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        } else {
            english = "the path is refused: " + DigitRuns.mask(why);
            chinese = "地址不被接受";
        }
        request.setAttribute(REASON, english);
        request.setAttribute(REASON_CHINESE, chinese);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
