package org.fraudstats.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors under the API's paths are JSON, the bare /actuator included: its 404 was an HTML page (tester). */
class AnsweredInJsonTest {

    @Test
    void theApiAndActuatorPathsBareOrNot() {
        assertThat(Refusals.answeredInJson("/actuator")).isTrue();
        assertThat(Refusals.answeredInJson("/actuator/info")).isTrue();
        assertThat(Refusals.answeredInJson("/api")).isTrue();
        assertThat(Refusals.answeredInJson("/api/v1/bulletins")).isTrue();
        assertThat(Refusals.answeredInJson("/apis")).isFalse();
        assertThat(Refusals.answeredInJson("/actuators")).isFalse();
        assertThat(Refusals.answeredInJson("/bulletins")).isFalse();
        assertThat(Refusals.answeredInJson(null)).isFalse();
    }
}
