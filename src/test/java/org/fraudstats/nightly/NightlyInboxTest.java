package org.fraudstats.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schedule's inbox (FRAUDSTATS_INBOX) missing altogether: the night still publishes its 数据未到 bulletin, since
 * no drop came, but its log says that no drop could have come, so that an unmounted share is not taken for a late
 * feed.
 */
class NightlyInboxTest extends DatabaseTest {

    @TempDir
    Path home;

    @Autowired
    NightlyPipeline pipeline;

    @Test
    void aMissingInboxIsNamedInTheNightsLog() {
        Path inbox = home.resolve("unmounted-share");
        List<String> log = new ArrayList<>();
        NightlyPipeline.Result night = pipeline.run(LocalDate.of(2022, 9, 30), inbox, home.resolve("out"), log::add);

        assertThat(night.dataMissing()).isTrue();
        assertThat(log).first().isEqualTo("warning: the inbox " + inbox
                + " does not exist: no drop can arrive there (FRAUDSTATS_INBOX, default $FRAUDSTATS_HOME/inbox)");
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("2022-09-30  bulletin r1: "));
    }
}
