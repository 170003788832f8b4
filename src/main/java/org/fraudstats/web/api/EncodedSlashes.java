package org.fraudstats.web.api;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A path with an encoded slash (/api/v1/bulletins/2022-10-24/..%2f..%2fpasswd) is refused by Tomcat itself by default,
 * with Tomcat's own HTML page. Passed through, it reaches Spring Security's firewall, which refuses it too, and the
 * refusal goes through the application's error handling: the one-line {"error"} of web.md under /api, the portal's
 * error page elsewhere. Nothing decodes it: the firewall rejects it before any controller sees a path.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        };
    }
}
