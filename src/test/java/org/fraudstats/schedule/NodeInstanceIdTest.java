package org.fraudstats.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.fraudstats.storage.DigitRuns;
import org.junit.jupiter.api.Test;

/** A node's name reads whole in the masked log: host, process, since when. */
class NodeInstanceIdTest {

    @Test
    void aNodeIsNamedByHostProcessAndStartAndNoneOfItIsMasked() {
        String id = NodeInstanceId.of("fs-node-1", 4817, 1, Instant.parse("2026-12-05T04:02:08.123Z"));

        assertThat(id).isEqualTo("fs-node-1:4817@2026-12-05T12:02:08.123+08:00");
        assertThat(DigitRuns.mask(id)).isEqualTo(id);
        assertThat(NodeInstanceId.of("vm1234", 4194304, 2, Instant.parse("2026-12-05T04:02:08Z")))
                .isEqualTo("vm1234:4194304/2@2026-12-05T12:02:08+08:00");
        // Quartz's own: host and milliseconds, thirteen digits the masking starred
        assertThat(DigitRuns.mask("vm1234" + "1764907328817")).isEqualTo("vm*************8817");
    }

    @Test
    void twoSchedulersOfOneProcessHaveTwoNames() {
        NodeInstanceId generator = new NodeInstanceId();
        String first = generator.generateInstanceId();
        String second = generator.generateInstanceId();

        assertThat(first).isNotEqualTo(second).contains(":" + ProcessHandle.current().pid());
        assertThat(DigitRuns.mask(second)).isEqualTo(second);
    }
}
