package org.fraudstats.web.security;

import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The portal's own TLS (server.ssl.*, README "Security") offers TLS 1.3 and 1.2 with forward-secret AEAD suites
 * only, unless server.ssl.ciphers or server.ssl.enabled-protocols say otherwise. Tomcat's default list
 * (HIGH:!aNULL:…) also offered CBC suites with SHA-1 (DHE-RSA-AES256-SHA, ECDHE-RSA-AES128-SHA), which an MLPS
 * assessor writes up (r42b). Every browser of the last eight years speaks one of these; a TLS proxy in front
 * chooses its own. A server.ssl.bundle is its own: Boot reads its ciphers from the bundle's options.
 */
@Component
class StrongTls implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory>, Ordered {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] CIPHERS = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};

    @Override
    public void customize(AbstractConfigurableWebServerFactory factory) {
        Ssl ssl = factory.getSsl();
        if (ssl == null || !ssl.isEnabled()) {
            return;
        }
        if (ssl.getCiphers() == null) {
            ssl.setCiphers(CIPHERS.clone());
        }
        if (ssl.getEnabledProtocols() == null) {
            ssl.setEnabledProtocols(PROTOCOLS.clone());
        }
    }

    /** After Boot's own customizer, which hands the factory server.ssl.* as set. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
