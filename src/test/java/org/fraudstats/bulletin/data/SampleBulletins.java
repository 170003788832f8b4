package org.fraudstats.bulletin.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.CityDay;

/**
 * Handmade bulletins with exact figures. The current and 同比 rows of the range are those of the sample drops'
 * golden files (expected-range-… and expected-yoy-2022-10-01_2022-10-24.csv); the 环比 base, the days and the
 * fraud types are invented but consistent (the city's additive figures are the districts' sums). 三水区 has
 * a zero 环比 base for refunds, and 顺德区/三水区 fall to zero refunds from a non-zero 同比 base.
 */
public final class SampleBulletins {

    public static final LocalDate FROM = LocalDate.of(2022, 10, 1);
    public static final LocalDate TO = LocalDate.of(2022, 10, 24);
    public static final String SUMMARY = "2022年10月以来，全市共处置电诈警情343宗，快速止付涉诈银行账户187个，止付资金800多万元，"
            + "办理资金返还案件7宗，返还资金110多万元。北滘派出所、容桂派出所联合银行网点开展劝阻，见面劝阻125人次。";
    /** The daily's 异常提示: 顺德区's 5 cases against 14 over the 28 days before (λ = 0.5, P(X ≥ 5) = 0.00017). */
    public static final String DAILY_UNUSUAL = "顺德区警情5宗，为近28日日均0.5宗的10.0倍。";

    private SampleBulletins() {
    }

    public static BulletinData range() {
        return new BulletinData(BulletinKind.RANGE, FROM, TO, 12,
                "关于2022年10月1日至24日全市电信网络诈骗警情的通报", SUMMARY,
                current(), yoyBase(), popBase(), fraudTypes(), rangeDays(),
                area("2022-01-01", "2022-10-24", "440600", 343, "26259997.22", 187, "8059792.06", 96, "3804540.07", 7, "1180778.64", "125.0", 635, 125),
                area("2021-01-01", "2021-10-24", "440600", 349, "20206422.09", 180, "9480760.49", 104, "3587058.71", 11, "1972300.27", "131.5", 553, 106),
                provenance());
    }

    /** November 2022 as a 月报: the sample's figures moved to its dates (its 环比 base is 2 to 31 October). */
    public static BulletinData monthly() {
        LocalDate from = LocalDate.of(2022, 11, 1), to = LocalDate.of(2022, 11, 30);
        BulletinData range = range();
        return new BulletinData(BulletinKind.MONTHLY, from, to, 0, "关于2022年11月全市电信网络诈骗警情的通报", SUMMARY,
                moved(current(), from, to), moved(yoyBase(), from.minusYears(1), to.minusYears(1)),
                moved(popBase(), LocalDate.of(2022, 10, 2), LocalDate.of(2022, 10, 31)), fraudTypes(), rangeDays(),
                range.ytd(), range.ytdLastYear(), provenance());
    }

    private static List<AreaFigures> moved(List<AreaFigures> rows, LocalDate from, LocalDate to) {
        return rows.stream().map(a -> new AreaFigures(from, to, a.districtCode(), a.cases(), a.lossAmount(), a.stopAccounts(),
                a.stopAmount(), a.freezeAccounts(), a.freezeAmount(), a.refundCases(), a.refundAmount(), a.medianMinutesToStop(),
                a.warnings(), a.dissuadedVisits())).toList();
    }

    public static BulletinData daily() {
        LocalDate day = TO;
        return new BulletinData(BulletinKind.DAILY, day, day, 297,
                "2022年10月24日全市电信网络诈骗警情", "10月24日，全市共处置电诈警情15宗，止付资金56万多元。",
                List.of(
                        area(day, day, "440604", 3, "402118.50", 2, "120500.00", 1, "80000.00", 0, "0.00", "42.5", 6, 1),
                        area(day, day, "440605", 4, "88231.00", 3, "65000.00", 1, "12000.00", 1, "30000.00", "37.5", 5, 2),
                        area(day, day, "440606", 5, "1204410.16", 4, "310033.66", 2, "90000.00", 0, "0.00", null, 7, 1),
                        area(day, day, "440607", 2, "12000.00", 1, "50000.00", 0, "0.00", 0, "0.00", "95.0", 4, 0),
                        area(day, day, "440608", 1, "5300.00", 1, "20000.00", 0, "0.00", 0, "0.00", "120.0", 3, 1),
                        area(day, day, "440600", 15, "1711959.66", 10, "565533.66", 4, "182000.00", 1, "30000.00", "68.8", 25, 5)),
                List.of(
                        area("2021-10-24", "2021-10-24", "440604", 2, "30000.00", 1, "10000.00", 0, "0.00", 0, "0.00", null, 4, 1),
                        area("2021-10-24", "2021-10-24", "440605", 0, "0.00", 0, "0.00", 0, "0.00", 0, "0.00", null, 3, 0),
                        area("2021-10-24", "2021-10-24", "440606", 4, "501000.00", 2, "90000.00", 1, "40000.00", 0, "0.00", "60.0", 5, 2),
                        area("2021-10-24", "2021-10-24", "440607", 3, "77000.00", 2, "25000.00", 0, "0.00", 0, "0.00", "80.0", 2, 0),
                        area("2021-10-24", "2021-10-24", "440608", 2, "19000.00", 1, "8000.00", 0, "0.00", 0, "0.00", "100.0", 3, 1),
                        area("2021-10-24", "2021-10-24", "440600", 11, "627000.00", 6, "133000.00", 1, "40000.00", 0, "0.00", "75.0", 17, 4)),
                List.of(
                        area("2022-10-23", "2022-10-23", "440604", 4, "250000.00", 3, "90000.00", 1, "50000.00", 1, "20000.00", "55.0", 5, 1),
                        area("2022-10-23", "2022-10-23", "440605", 2, "40000.00", 2, "30000.00", 0, "0.00", 0, "0.00", "40.0", 4, 1),
                        area("2022-10-23", "2022-10-23", "440606", 5, "900000.00", 3, "250000.00", 1, "60000.00", 0, "0.00", "70.0", 6, 1),
                        area("2022-10-23", "2022-10-23", "440607", 2, "30000.00", 1, "10000.00", 0, "0.00", 0, "0.00", "90.0", 3, 0),
                        area("2022-10-23", "2022-10-23", "440608", 3, "60000.00", 2, "20000.00", 1, "10000.00", 0, "0.00", "110.0", 3, 1),
                        area("2022-10-23", "2022-10-23", "440600", 16, "1280000.00", 11, "400000.00", 3, "120000.00", 1, "20000.00", "65.0", 21, 4)),
                fraudTypes(), dailyDays(day),
                area("2022-01-01", "2022-10-24", "440600", 343, "26259997.22", 187, "8059792.06", 96, "3804540.07", 7, "1180778.64", "125.0", 635, 125),
                area("2021-01-01", "2021-10-24", "440600", 349, "20206422.09", 180, "9480760.49", 104, "3587058.71", 11, "1972300.27", "131.5", 553, 106),
                provenance()).withUnusual(DAILY_UNUSUAL);
    }

    /**
     * The daily with 禅城区's stop amount of the same day last year at 0.01 yuan: its 同比 is 1,204,999,900.0%, wider
     * than the column at the table's font size.
     */
    public static BulletinData dailyWithAHugeChange() {
        BulletinData d = daily();
        List<AreaFigures> yoy = new java.util.ArrayList<>(d.yoyBase());
        AreaFigures a = yoy.get(0);
        yoy.set(0, new AreaFigures(a.from(), a.to(), a.districtCode(), a.cases(), a.lossAmount(), a.stopAccounts(),
                new BigDecimal("0.01"), a.freezeAccounts(), a.freezeAmount(), a.refundCases(), a.refundAmount(),
                a.medianMinutesToStop(), a.warnings(), a.dissuadedVisits()));
        return new BulletinData(d.kind(), d.from(), d.to(), d.issue(), d.title(), d.summary(), d.areas(), yoy, d.popBase(),
                d.fraudTypes(), d.days(), d.ytd(), d.ytdLastYear(), d.provenance(), d.revision(), d.changes(), d.notice(),
                d.unusual(), d.gaps(), d.trendNotArrived());
    }

    static List<AreaFigures> current() {
        String f = "2022-10-01", t = "2022-10-24";
        return List.of(
                area(f, t, "440604", 64, "8804879.91", 50, "3740605.99", 22, "2662010.57", 3, "401296.52", "135.0", 122, 20),
                area(f, t, "440605", 72, "2553741.23", 59, "1043522.92", 26, "285217.60", 3, "494911.00", "108.0", 118, 19),
                area(f, t, "440606", 72, "8036743.79", 44, "2020237.04", 24, "357256.77", 0, "0.00", "129.5", 135, 29),
                area(f, t, "440607", 75, "4979658.41", 49, "751553.48", 18, "257401.67", 0, "0.00", "146.5", 140, 31),
                area(f, t, "440608", 60, "1884973.88", 39, "503872.63", 18, "242653.46", 1, "284571.12", "112.3", 120, 26),
                area(f, t, "440600", 343, "26259997.22", 187, "8059792.06", 96, "3804540.07", 7, "1180778.64", "125.0", 635, 125));
    }

    static List<AreaFigures> yoyBase() {
        String f = "2021-10-01", t = "2021-10-24";
        return List.of(
                area(f, t, "440604", 69, "5656360.96", 39, "2999318.71", 31, "371144.31", 2, "351362.24", "141.0", 114, 21),
                area(f, t, "440605", 74, "2622597.35", 49, "680430.77", 29, "568245.67", 2, "360996.69", "118.5", 118, 21),
                area(f, t, "440606", 69, "4241558.12", 48, "709102.35", 18, "283655.42", 2, "245771.74", "126.0", 111, 19),
                area(f, t, "440607", 70, "3961076.75", 49, "1641109.61", 25, "466835.67", 2, "184497.74", "150.5", 111, 21),
                area(f, t, "440608", 67, "3724828.91", 43, "3450799.05", 24, "1897177.64", 3, "829671.86", "120.0", 99, 24),
                area(f, t, "440600", 349, "20206422.09", 180, "9480760.49", 104, "3587058.71", 11, "1972300.27", "131.5", 553, 106));
    }

    static List<AreaFigures> popBase() {
        String f = "2022-09-07", t = "2022-09-30";
        return List.of(
                area(f, t, "440604", 58, "7312054.18", 44, "3102745.60", 20, "2401337.09", 2, "215660.00", "128.5", 110, 18),
                area(f, t, "440605", 66, "2890413.77", 51, "1120498.35", 22, "301874.12", 1, "98000.00", "115.0", 121, 22),
                area(f, t, "440606", 70, "6874120.55", 41, "1789003.19", 21, "330145.80", 1, "120500.00", "133.0", 129, 25),
                area(f, t, "440607", 71, "4401876.02", 45, "802311.47", 17, "239870.25", 0, "0.00", "150.0", 133, 27),
                area(f, t, "440608", 63, "2105338.47", 37, "611240.08", 16, "198765.43", 2, "301200.00", "109.5", 118, 24),
                area(f, t, "440600", 328, "23583802.99", 215, "7425798.69", 96, "3471992.69", 6, "735360.00", "127.0", 611, 116));
    }

    static List<FraudTypeRow> fraudTypes() {
        return List.of(
                type("ORDER_BRUSHING", "刷单返利", 98, "5432109.87"),
                type("FAKE_INVESTMENT", "虚假投资理财", 61, "9876543.21"),
                type("FAKE_LOAN", "虚假网络贷款", 44, "1234567.89"),
                type("FAKE_CUSTOMER_SERVICE", "冒充电商物流客服", 39, "1098765.43"),
                type("IMPERSONATE_AUTHORITY", "冒充公检法", 21, "2345678.90"),
                type("FAKE_CREDIT", "虚假征信", 21, "987654.32"),
                type("FAKE_SHOPPING", "虚假购物服务", 20, "234567.89"),
                type("IMPERSONATE_ACQUAINTANCE", "冒充领导熟人", 15, "876543.21"),
                type("GAME_TRADE", "网络游戏虚假交易", 12, "345678.90"),
                type("ROMANCE", "网络婚恋交友", 7, "3210987.65"),
                type("OTHER", "其他", 5, "616899.95"));
    }

    static Provenance provenance() {
        return new Provenance(LocalDate.of(2022, 10, 24), 12840, 23, 4, 57L,
                ZonedDateTime.parse("2022-10-25T08:15:30+08:00[Asia/Shanghai]"));
    }

    private static List<CityDay> rangeDays() {
        int[] cases = {15, 16, 15, 15, 17, 17, 11, 10, 16, 16, 18, 17, 10, 9, 16, 12, 10, 9, 16, 20, 18, 8, 17, 15};
        String[] amounts = {"383999.70", "518839.98", "575878.05", "493097.13", "516255.24", "185692.49", "498174.42",
                "90066.82", "434590.66", "122389.26", "119964.07", "103926.17", "207646.60", "242365.20", "482396.88",
                "100188.08", "391341.14", "298971.76", "375635.42", "476586.16", "211077.95", "428378.29", "236796.93",
                "565533.66"};
        List<CityDay> days = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            days.add(new CityDay(FROM.plusDays(i), cases[i], new BigDecimal(amounts[i])));
        }
        return days;
    }

    private static List<CityDay> dailyDays(LocalDate day) {
        int[] cases = {13, 10, 17, 21, 8, 6, 21, 14, 13, 12, 21, 21, 18, 10, 13, 10, 22, 18, 6, 8, 11, 7, 15, 6, 14, 21, 18, 19, 16, 15};
        String[] amounts = {"696992.36", "677861.62", "140025.94", "639797.43", "295296.09", "115400.48", "74083.11",
                "141247.15", "382110.63", "195617.47", "223128.26", "697922.75", "500999.23", "342703.27", "572759.65",
                "470536.54", "623932.17", "252015.26", "332627.98", "390405.00", "609337.02", "308950.46", "435220.13",
                "285492.04", "408430.51", "442636.58", "323519.53", "442084.74", "400000.00", "565533.66"};
        List<CityDay> days = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            days.add(new CityDay(day.minusDays(cases.length - 1 - i), cases[i], new BigDecimal(amounts[i])));
        }
        return days;
    }

    static AreaFigures area(String from, String to, String code, long cases, String loss, long stopAccounts, String stopAmount,
            long freezeAccounts, String freezeAmount, long refundCases, String refundAmount, String median, long warnings, long visits) {
        return area(LocalDate.parse(from), LocalDate.parse(to), code, cases, loss, stopAccounts, stopAmount, freezeAccounts,
                freezeAmount, refundCases, refundAmount, median, warnings, visits);
    }

    static AreaFigures area(LocalDate from, LocalDate to, String code, long cases, String loss, long stopAccounts, String stopAmount,
            long freezeAccounts, String freezeAmount, long refundCases, String refundAmount, String median, long warnings, long visits) {
        return new AreaFigures(from, to, code, cases, new BigDecimal(loss), stopAccounts, new BigDecimal(stopAmount),
                freezeAccounts, new BigDecimal(freezeAmount), refundCases, new BigDecimal(refundAmount),
                median == null ? null : new BigDecimal(median), warnings, visits);
    }

    private static FraudTypeRow type(String code, String name, long cases, String loss) {
        return new FraudTypeRow(code, name, cases, new BigDecimal(loss));
    }
}
