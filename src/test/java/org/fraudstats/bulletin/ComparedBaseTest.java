package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.fraudstats.bulletin.data.FigureSnapshot;
import org.junit.jupiter.api.Test;

/** The keys published revisions keep their notes of bases by: a renamed key would lose every older revision's notes. */
class ComparedBaseTest {

    @Test
    void theKeysOfPublishedNotesNeverChange() {
        assertThat(List.of(ComparedBase.values()).stream().map(ComparedBase::key).toList())
                .containsExactly("yoy", "pop", "year_to_date");
    }

    @Test
    void notesWrittenUnderTheOldKeysReadBack() {
        // as a revision of session 24 kept them, before the bases had names of their own
        String kept = "{\"notes\":{\"bases_not_arrived\":{\"yoy\":\"\",\"pop\":\"2022-11-06\",\"year_to_date\":\"\"},"
                + "\"bases_before_records\":{\"first_day\":\"2021-10-01\",\"bases\":\"yoy,year_to_date\"},"
                + "\"bases_without_records\":{\"first_day\":\"2021-10-01\",\"bases\":\"pop\"}}}";
        BaseGaps gaps = FigureSnapshot.gaps(FigureSnapshot.read(kept));
        assertThat(gaps.notArrived(ComparedBase.POP)).containsExactly(LocalDate.of(2022, 11, 6));
        assertThat(gaps.beforeRecords(ComparedBase.YOY)).isTrue();
        assertThat(gaps.beforeRecords(ComparedBase.POP)).isFalse();
        assertThat(gaps.beforeRecords(ComparedBase.YEAR_TO_DATE)).isTrue();
        assertThat(gaps.noRecords(ComparedBase.POP)).isTrue();
        assertThat(gaps.noRecords(ComparedBase.YOY)).isFalse();
    }
}
