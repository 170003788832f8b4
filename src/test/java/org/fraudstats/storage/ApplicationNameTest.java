package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/** A DBA tells fraudstats' connections apart by process in pg_stat_activity (tester of an external server). */
class ApplicationNameTest extends DatabaseTest {

    @Test
    void eachConnectionNamesItsProcess() {
        // PostgreSQL keeps 63 bytes of it (NAMEDATALEN): a long host name is cut
        String named = "fraudstats " + ProcessHandle.current().pid() + " @" + HostName.of();
        assertThat(jdbc.queryForObject("SELECT current_setting('application_name')", String.class))
                .isEqualTo(named.length() > 63 ? named.substring(0, 63) : named);
    }
}
