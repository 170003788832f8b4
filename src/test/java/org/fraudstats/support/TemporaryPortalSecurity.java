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

    /** Signs in any user of access's table, whatever the password: scaffolding for looking at pages, nothing more. */
    @Bean
    org.springframework.security.core.userdetails.UserDetailsService temporaryUserDetails(org.fraudstats.access.Users users) {
        return name -> users.find(name).map(u -> org.springframework.security.core.userdetails.User.withUsername(u.name())
                .password("{noop}" + "Portal-" + u.role().code() + "-2026!").roles(u.role().name()).build())
                .orElseThrow(() -> new org.springframework.security.core.userdetails.UsernameNotFoundException(name));
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/css/**", "/js/**", "/error").permitAll().anyRequest().authenticated())
                .headers(h -> h.frameOptions(f -> f.sameOrigin())).formLogin(f -> { }).build();
    }
}
