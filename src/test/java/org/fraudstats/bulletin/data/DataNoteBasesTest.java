package org.fraudstats.bulletin.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.fraudstats.catalog.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The PDF's and the workbook's note under the table of changes says a 月报's 环比 base is not the month before when it
 * is not, as the mail and the bulletin's page do: the leader who took November's 环比 for one against October read
 * the PDF as often as the mail (review).
 */
class DataNoteBasesTest {

    @Test
    void aMonthlysNoteSaysItsBaseIsNotTheMonthBefore() {
        DistrictTable table = new DistrictTable(SampleBulletins.monthly(), Catalog.foshan());
        assertThat(DataNote.changesNote(table)).startsWith(
                "同比基期：2021年11月1日至11月30日；环比基期：2022年10月2日至10月31日（与本期同样天数，不是上一个自然月）。");
        assertThat(DataNote.changesNoteOfWorkbook(table)).startsWith(
                "同比基期：2021年11月1日至11月30日；环比基期：2022年10月2日至10月31日（与本期同样天数，不是上一个自然月）；");
        // any other period's bases are said as they were
        assertThat(DataNote.changesNote(new DistrictTable(SampleBulletins.range(), Catalog.foshan())))
                .startsWith("同比基期：2021年10月1日至10月24日；环比基期：2022年9月7日至9月30日。");
    }
}
