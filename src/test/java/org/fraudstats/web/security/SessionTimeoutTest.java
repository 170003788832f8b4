package org.fraudstats.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The idle warning's seconds, read as Spring Boot reads the setting: a bare number is seconds, not milliseconds. */
class SessionTimeoutTest {

    @Test
    void aBareNumberIsSecondsAsForTheServer() {
        assertThat(SessionTimeout.seconds("3600")).isEqualTo(3600);
        assertThat(SessionTimeout.seconds("30m")).isEqualTo(1800);
        assertThat(SessionTimeout.seconds("PT45M")).isEqualTo(2700);
        assertThat(SessionTimeout.seconds(" 2h ")).isEqualTo(7200);
    }
}
