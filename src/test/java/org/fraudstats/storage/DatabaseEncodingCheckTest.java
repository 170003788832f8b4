package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A new database not in UTF8 is refused before any migration, in one line saying how to make one that is. */
class DatabaseEncodingCheckTest {

    @Test
    void onlyANewDatabaseNotInUtf8IsRefused() {
        assertThat(DatabaseEncodingCheck.refusal("fs_latin1", "LATIN1", false)).isEqualTo("database fs_latin1 is encoded LATIN1, "
                + "and fraudstats needs UTF8: create one with ENCODING 'UTF8' TEMPLATE template0 "
                + "(no migration was applied to this one)");
        assertThat(DatabaseEncodingCheck.refusal("fraudstats", "UTF8", false)).isNull();
        assertThat(DatabaseEncodingCheck.refusal("old", "SQL_ASCII", true)).isNull();
    }
}
