package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/** A DBA tells fraudstats' connections apart by process in pg_stat_activity (tester of an external server). */
class ApplicationNameTest extends DatabaseTest {

    @Test
    void eachConnectionNamesItsProcess() {
        assertThat(jdbc.queryForObject("SELECT current_setting('application_name')", String.class))
                .startsWith("fraudstats " + ProcessHandle.current().pid() + " @");
    }
}
