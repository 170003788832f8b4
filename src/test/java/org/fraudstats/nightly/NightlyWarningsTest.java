package org.fraudstats.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which lines of the night go to standard error, as warnings: a cron job mailing its errors sees them (tester). */
class NightlyWarningsTest {

    @Test
    void warningsDatedOrNotAndAWeekNotRevised() {
        assertThat(NightlyLines.warning("warning: the inbox /srv/inbox does not exist: no drop can arrive there")).isTrue();
        assertThat(NightlyLines.warning("2022-10-06  warning: cases.csv line 3 is dated 2012-10-06")).isTrue();
        assertThat(NightlyLines.warning("2022-10-17_2022-10-23  not revised tonight, tried again next night: busy")).isTrue();
        assertThat(NightlyLines.warning("2022-10-06  63 rows read, 0 rejected, 63 changed (job execution 1)")).isFalse();
        assertThat(NightlyLines.warning("2022-10-06  bulletin r1: /srv/out/daily/2022-10-06")).isFalse();
        assertThat(NightlyLines.warning("rollup differs from the facts: case_day 2022-10-01")).isFalse();
    }
}
