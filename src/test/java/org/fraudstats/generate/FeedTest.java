package org.fraudstats.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The generator writes exactly the loader's files and columns, and calls optional what the loader does. */
class FeedTest {

    @Test
    void columnsAndOptionalFieldsAreTheLoaders() {
        for (Feed feed : Feed.values()) {
            org.fraudstats.ingest.Feed schema = org.fraudstats.ingest.Feed.valueOf(feed.name());
            assertThat(feed.fileName).isEqualTo(schema.fileName());
            assertThat(feed.columns).extracting(Feed.Column::name).containsExactlyElementsOf(schema.columns());
            for (Feed.Column column : feed.columns) {
                assertThat(column.kind().required()).as(feed + "." + column.name()).isEqualTo(schema.required(column.name()));
            }
        }
        assertThat(Feed.CASES.columns).extracting(Feed.Column::name)
                .containsExactly("case_id", "reported_at", "district_code", "station", "fraud_type", "loss_amount", "victim_age");
    }
}
