package org.fraudstats.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** TEMPORARY until the access branch lands: an in-memory audit trail and an API chain without CSRF. */
@TestConfiguration
@EnableMethodSecurity
public class TemporaryPortalSecurity {

    public static final List<AuditEvent> EVENTS = new CopyOnWriteArrayList<>();

    @Bean
    AuditTrail auditTrail() {
        return EVENTS::add;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**").csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated()).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/css/**", "/js/**", "/error").permitAll().anyRequest().authenticated())
                .formLogin(f -> { }).build();
    }
}
