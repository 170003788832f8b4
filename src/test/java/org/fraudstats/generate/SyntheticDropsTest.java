package org.fraudstats.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.fraudstats.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDropsTest {

    private static final LocalDate FROM = LocalDate.of(2022, 10, 1);
    private static final LocalDate TO = FROM.plusDays(29);

    @TempDir
    static Path shared;
    private static Summary month;
    private static StrictFeeds monthRead;

    /** One clean city-scale month, shared by the checks that only read it (generation is the slow part). */
    @BeforeAll
    static void cityMonth() throws IOException {
        month = SyntheticDrops.write(shared.resolve("month"), Scale.CITY, FROM, TO, 2022L, 0.0, Catalog.foshan());
        monthRead = new StrictFeeds(false);
        monthRead.readAll(shared.resolve("month"));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path tmp) throws IOException {
        LocalDate to = FROM.plusDays(4);
        SyntheticDrops.write(tmp.resolve("a"), Scale.CITY, FROM, to, 7, 0.02, Catalog.foshan());
        SyntheticDrops.write(tmp.resolve("b"), Scale.CITY, FROM, to, 7, 0.02, Catalog.foshan());
        SyntheticDrops.write(tmp.resolve("c"), Scale.CITY, FROM, to, 8, 0.02, Catalog.foshan());

        List<Path> a = files(tmp.resolve("a"));
        assertThat(a).hasSize(5 * 4);
        assertThat(files(tmp.resolve("b"))).hasSameSizeAs(a);
        boolean anyDifferent = false;
        for (Path f : a) {
            Path rel = tmp.resolve("a").relativize(f);
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(rel))).as(rel.toString()).isEqualTo(Files.readAllBytes(f));
            anyDifferent |= !Arrays.equals(Files.readAllBytes(tmp.resolve("c").resolve(rel)), Files.readAllBytes(f));
        }
        assertThat(anyDifferent).isTrue();
        assertThat(Files.readString(tmp.resolve("c/2022-10-01/cases.csv"))).isNotEqualTo(Files.readString(tmp.resolve("a/2022-10-01/cases.csv")));
    }

    @Test
    void daysGeneratedOneCommandAtATimeDiffer(@TempDir Path tmp) throws IOException {
        SyntheticDrops.write(tmp.resolve("first"), Scale.CITY, FROM, FROM, 7, 0.0, Catalog.foshan());
        SyntheticDrops.write(tmp.resolve("second"), Scale.CITY, FROM.plusDays(1), FROM.plusDays(1), 7, 0.0, Catalog.foshan());
        // the ids and dates differ anyway; the losses, districts and times of day must too
        assertThat(withoutIdsAndDates(tmp.resolve("second/2022-10-02/cases.csv")))
                .isNotEqualTo(withoutIdsAndDates(tmp.resolve("first/2022-10-01/cases.csv")));
    }

    private static List<String> withoutIdsAndDates(Path cases) throws IOException {
        return Files.readAllLines(cases).stream().skip(1)
                .map(line -> line.replaceAll("FS\\d+", "ID").replaceAll("\\d{4}-\\d{2}-\\d{2}", "DATE")).toList();
    }

    @Test
    void cityMonthHasFoshanMagnitudes() {
        assertThat(month.days()).isEqualTo(30);
        assertThat(monthRead.cases).hasSizeBetween(1_200, 1_700);
        // a year is 21 000 stopped accounts and 4.1亿 yuan; a month is a twelfth, give or take the heavy tail
        long stopAccounts = StrictFeeds.distinct(monthRead.freezes.values(), 2, r -> r[1].equals("STOP_PAYMENT"));
        assertThat(stopAccounts).isBetween(1_400L, 2_100L);
        BigDecimal stopped = StrictFeeds.sum(monthRead.freezes.values(), 3, r -> r[1].equals("STOP_PAYMENT"));
        assertThat(stopped).isBetween(new BigDecimal("15000000"), new BigDecimal("70000000"));
        long frozen = monthRead.freezes.values().stream().filter(r -> r[1].equals("FREEZE")).count();
        assertThat(frozen).isBetween(150L, 400L);
        assertThat(monthRead.warnings).isBetween(170_000L, 190_000L);
        assertThat(monthRead.dissuadedVisits / (double) monthRead.warnings).isBetween(0.20, 0.25);
    }

    @Test
    void everyRowOfACleanRunIsValidAndShapedLikeTheFeeds() throws IOException {
        assertThat(monthRead.rejected).isZero();
        assertThat(monthRead.accepted).isEqualTo(month.rows());
        assertThat(month.badRows()).isZero();
        long bytes;
        try (Stream<Path> s = Files.walk(shared.resolve("month"))) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(month.bytes()).isEqualTo(bytes);
        // stops come after the report, late cases make orphans, some ids are corrected
        long orphans = monthRead.freezes.values().stream().filter(r -> !monthRead.cases.containsKey(r[0])).count();
        assertThat(orphans).as("freezes whose case arrives after the last drop").isLessThan(monthRead.freezes.size() / 20);
        assertThat(month.caseRows()).isGreaterThan(monthRead.cases.size());
        StringBuilder week = new StringBuilder(Files.readString(shared.resolve("month/2022-10-05/cases.csv")));
        for (int day = 4; day <= 10; day++) {
            week.append(Files.readString(shared.resolve(String.format("month/2022-10-%02d/freezes.csv", day))));
        }
        String all = week.toString();
        assertThat(all).contains("+08:00").containsPattern("T\\d\\d:\\d\\d(:\\d\\d)?Z").containsPattern(",62\\d{14,17},");
        assertThat(all).doesNotContain("E+").doesNotContain("E-");
        // a warning's id as the case system's (six-digit serial): a rejected one's record_id is shown whole, not masked
        // as a card number (r36c L12: WN202210050001234 was WN*************1234)
        List<String> warningIds = Files.readAllLines(shared.resolve("month/2022-10-05/warnings.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        assertThat(warningIds).isNotEmpty().allMatch(id -> id.matches("WN20221005\\d{6}"))
                .allMatch(id -> org.fraudstats.storage.DigitRuns.maskId(id).equals(id));
    }

    @Test
    void badRowsAreRejectedAtTheConfiguredRate(@TempDir Path tmp) throws IOException {
        Summary s = SyntheticDrops.write(tmp, Scale.CITY, FROM, FROM.plusDays(3), 99, 0.05, Catalog.foshan());
        StrictFeeds read = new StrictFeeds(false);
        read.readAll(tmp);
        assertThat(read.rejected).as("every bad row is bad, every other row is good").isEqualTo(s.badRows());
        assertThat(read.accepted + read.rejected).isEqualTo(s.rows());
        assertThat(s.badRows() / (double) s.rows()).isBetween(0.045, 0.055);
        assertThat(read.rejectedByFile).containsKeys("cases.csv", "freezes.csv", "warnings.csv");
    }

    @Test
    void everyKindOfBadRowIsCertainToBeBad() {
        BadRows bad = new BadRows(Catalog.foshan());
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        String[] row = {"FS2022100100001", "2022-10-01T10:00:00+08:00", "440605", "南海分局罗村派出所", "FAKE_LOAN", "980000", "33"};
        Feed.Kind[] kinds = Feed.CASES.columns.stream().map(Feed.Column::kind).toArray(Feed.Kind[]::new);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String[] b = bad.corrupt(rng, kinds, row);
            boolean valid = b.length == row.length && !b[0].isEmpty() && StrictFeeds.timestamp(b[1])
                    && Catalog.foshan().isDistrict(b[2]) && Catalog.foshan().isFraudType(b[4])
                    && StrictFeeds.money(b[5], false) && StrictFeeds.age(b[6]);
            assertThat(valid).as(Arrays.toString(b)).isFalse();
            seen.add(String.join("|", b));
        }
        assertThat(String.join("\n", seen)).contains("2022-10-01 10:00", "+0800", "-02-30", "1e5", "-5", "130",
                "440600", "fake_loan", "440605 ", "980000.00");
    }

    @Test
    void monthlyDropsCarryEachMonthInOneFolderNamedAfterItsLastDay(@TempDir Path tmp) throws IOException {
        Summary s = SyntheticDrops.writeMonthly(tmp, Scale.CITY, LocalDate.of(2021, 11, 15), LocalDate.of(2022, 1, 10), 5, 0.0,
                Catalog.foshan());

        try (Stream<Path> folders = Files.list(tmp)) {
            assertThat(folders.map(f -> f.getFileName().toString()).sorted()).containsExactly("2021-11-30", "2021-12-31", "2022-01-10");
        }
        assertThat(s.days()).isEqualTo(57);
        StrictFeeds read = new StrictFeeds(false);
        read.readAll(tmp);
        assertThat(read.rejected).isZero();
        assertThat(read.accepted).isEqualTo(s.rows());
        // every day is there, each in its month's drop: 57 days of about 47 cases, none reported after its drop
        assertThat(read.cases).hasSizeBetween(57 * 35, 57 * 60);
        for (Path folder : List.of(tmp.resolve("2021-11-30"), tmp.resolve("2021-12-31"), tmp.resolve("2022-01-10"))) {
            StrictFeeds one = new StrictFeeds(false);
            one.read(folder.resolve("cases.csv"));
            LocalDate drop = LocalDate.parse(folder.getFileName().toString());
            assertThat(one.cases.values()).isNotEmpty().allSatisfy(c ->
                    assertThat(LocalDate.parse(c[2].substring(0, 10))).isBeforeOrEqualTo(drop));
        }
    }

    @Test
    void rejectsNonsenseArguments(@TempDir Path tmp) {
        assertThatThrownBy(() -> SyntheticDrops.write(tmp, Scale.CITY, TO, FROM, 1, 0, Catalog.foshan()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticDrops.write(tmp, Scale.CITY, FROM, TO, 1, 0.9, Catalog.foshan()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
