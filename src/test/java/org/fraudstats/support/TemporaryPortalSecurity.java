package org.fraudstats.support;


import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** TEMPORARY until the access branch lands: an API chain without CSRF and a page chain with form login. */
@TestConfiguration
@EnableMethodSecurity
public class TemporaryPortalSecurity {

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
