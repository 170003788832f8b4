package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Account numbers as people type them, masked to their last four; built by concatenation so no test prints one. */
class DigitRunsTest {

    static final String CARD = "6222" + "0212" + "3456" + "7890";

    /** The same number in full-width digits (U+FF10…), as a Chinese input method types it. */
    static String fullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(c -> wide.append(Character.isDigit(c) ? (char) ('\uFF10' + (c - '0')) : (char) c));
        return wide.toString();
    }

    @Test
    void aRunOfTwelveOrMoreDigitsKeepsItsLastFourWhateverItsSeparatorsOrDigits() {
        assertThat(DigitRuns.mask(CARD)).isEqualTo("************7890");
        assertThat(DigitRuns.mask("6222" + "-0212" + "-3456" + "-7890")).isEqualTo("****-****-****-7890");
        assertThat(DigitRuns.mask("6222" + " 0212" + " 3456" + " 7890")).isEqualTo("**** **** **** 7890");
        assertThat(DigitRuns.mask(fullWidth(CARD))).isEqualTo("************" + fullWidth("7890"));
        assertThat(DigitRuns.mask("GET /api/v1/bulletins/" + CARD + "123/daily.pdf"))
                .isEqualTo("GET /api/v1/bulletins/***************0123/daily.pdf");
    }

    @Test
    void datesAndShorterNumbersStayAsTheyAre() {
        for (String value : List.of("2022-10-24", "2022-10-01..2022-10-24", "job execution 12345",
                "12345678901", "", "web.leader")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
        assertThat(DigitRuns.mask(null)).isNull();
    }

    @Test
    void itAnswersAsIngestsMaskOfRejectedValues() throws Exception {
        // ingest's AccountNumbers is package-private and ingest is being changed elsewhere: reached by reflection
        Method ingest = Class.forName("org.fraudstats.ingest.AccountNumbers").getMethod("maskDigitRuns", String.class);
        ingest.setAccessible(true);
        for (String value : List.of(CARD, "6222" + "-0212" + "-3456" + "-7890", "6222" + " 0212" + " 3456" + " 7890", fullWidth(CARD), "X" + CARD + "555",
                "a " + CARD + " and " + CARD.substring(0, 12) + " b", "2022-10-24", "12345678901", "6222" + "--0212" + "-3456" + "-7890")) {
            assertThat(DigitRuns.mask(value)).as(value.replaceAll("\\d", "#")).isEqualTo(ingest.invoke(null, value));
        }
    }
}
