package org.fraudstats.generate;

import static org.fraudstats.generate.Shapes.chance;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fraudstats.catalog.Catalog;

/**
 * Makes one day's cases together with everything that follows from them: stop-payments and freezes on the
 * fraudsters' accounts, refunds weeks later, late deliveries and corrections. Each row is handed to a {@link Sink}
 * with the drop it belongs in; a case is created whole, so its freezes can land in a drop before the case itself
 * (an orphan) exactly when the case arrives late, as happens between real systems.
 */
final class CaseFactory {

    interface Sink {
        void emit(Feed feed, LocalDate drop, String[] row) throws IOException;
    }

    // Foshan 2022 shape; a deployment's own districts or fraud types fall back to an average weight.
    private static final Map<String, Double> DISTRICT_WEIGHT = Map.of("440604", .18, "440605", .32, "440606", .27,
            "440607", .11, "440608", .12);
    private static final Map<String, Double> TYPE_WEIGHT = Map.ofEntries(Map.entry("ORDER_BRUSHING", .30),
            Map.entry("FAKE_INVESTMENT", .22), Map.entry("FAKE_LOAN", .10), Map.entry("FAKE_CUSTOMER_SERVICE", .09),
            Map.entry("IMPERSONATE_AUTHORITY", .05), Map.entry("FAKE_CREDIT", .06), Map.entry("FAKE_SHOPPING", .06),
            Map.entry("IMPERSONATE_ACQUAINTANCE", .04), Map.entry("GAME_TRADE", .03), Map.entry("ROMANCE", .03),
            Map.entry("OTHER", .02));
    /** Median loss in yuan: investment and impersonated police take the most, game trades the least. */
    private static final Map<String, Double> TYPE_MEDIAN = Map.ofEntries(Map.entry("ORDER_BRUSHING", 18_000.0),
            Map.entry("FAKE_INVESTMENT", 60_000.0), Map.entry("FAKE_LOAN", 8_000.0),
            Map.entry("FAKE_CUSTOMER_SERVICE", 15_000.0), Map.entry("IMPERSONATE_AUTHORITY", 80_000.0),
            Map.entry("FAKE_CREDIT", 20_000.0), Map.entry("FAKE_SHOPPING", 3_000.0),
            Map.entry("IMPERSONATE_ACQUAINTANCE", 30_000.0), Map.entry("GAME_TRADE", 2_000.0),
            Map.entry("ROMANCE", 50_000.0));
    private static final Map<String, List<String>> TOWNS = Map.of(
            "440604", List.of("祖庙", "石湾", "张槎", "南庄"),
            "440605", List.of("桂城", "罗村", "大沥", "里水", "狮山", "九江", "西樵", "丹灶"),
            "440606", List.of("大良", "容桂", "伦教", "勒流", "陈村", "北滘", "乐从", "龙江"),
            "440607", List.of("西南", "云东海", "白坭", "乐平", "芦苞", "大塘"),
            "440608", List.of("荷城", "杨和", "明城", "更合"));
    private static final String[] BANKS = {"中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "招商银行",
            "中国邮政储蓄银行", "广发银行", "平安银行", "兴业银行", "佛山农村商业银行", "顺德农村商业银行"};
    /**
     * Refund odds grow with the money stopped, (stopped / 380万)^0.65: the big stops are the ones that get paid back,
     * but not only them. Fitted so that a city-year has ~400 refunded cases for ~4300万 yuan.
     */
    private static final double REFUND_SCALE_YUAN = 3_800_000;
    private static final double REFUND_EXPONENT = 0.65;

    private final Catalog catalog;
    private final String[] districts;
    private final double[] districtWeights;
    private final String[] types;
    private final double[] typeWeights;
    private final AccountPool accounts;
    private String yyyymmdd;
    private int caseSeq;
    private int freezeSeq;
    private int refundSeq;

    CaseFactory(Catalog catalog) {
        this.catalog = catalog;
        districts = catalog.districtCodes().toArray(String[]::new);
        districtWeights = weights(districts, DISTRICT_WEIGHT);
        types = catalog.fraudTypes().keySet().toArray(String[]::new);
        typeWeights = weights(types, TYPE_WEIGHT);
        accounts = new AccountPool(districts.length);
    }

    private static double[] weights(String[] codes, Map<String, Double> known) {
        double[] w = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            w[i] = known.getOrDefault(codes[i], 1.0 / codes.length);
        }
        return w;
    }

    int district(SplittableRandom rng) {
        return Shapes.pick(rng, districtWeights);
    }

    String districtCode(int i) {
        return districts[i];
    }

    void day(SplittableRandom rng, LocalDate day, int count, Sink sink) throws IOException {
        yyyymmdd = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        caseSeq = 0;
        freezeSeq = 0;
        refundSeq = 0;
        for (int n = 0; n < count; n++) {
            oneCase(rng, day, sink);
        }
    }

    private void oneCase(SplittableRandom rng, LocalDate day, Sink sink) throws IOException {
        String id = id("FS", ++caseSeq, 5);
        long reported = Shapes.momentOf(rng, day);
        int d = district(rng);
        String type = types[Shapes.pick(rng, typeWeights)];
        long loss = chance(rng, 0.01) ? 0
                : Math.min(900_000_000L, Math.max(100, Math.round(Shapes.logNormal(rng, TYPE_MEDIAN.getOrDefault(type, 10_000.0), 1.3) * 100)));
        String age = chance(rng, 0.15) ? "" : String.valueOf(Math.max(12, Math.min(90, Math.round(40 + 14 * rng.nextGaussian()))));
        String[] row = {id, Shapes.timestamp(rng, reported), districts[d], station(rng, d), type, Shapes.money(rng, loss), age};
        // 88% arrive in their own day's drop, the rest 1-3 days late
        LocalDate caseDrop = day.plusDays(Shapes.pick(rng, new double[] {.88, .08, .03, .01}));
        sink.emit(Feed.CASES, caseDrop, row);
        if (chance(rng, 0.03)) {
            sink.emit(Feed.CASES, caseDrop.plusDays(rng.nextInt(5)), correct(rng, row, reported, d, loss));
        }
        if (loss > 0 && chance(rng, 0.8)) {
            stops(rng, id, d, reported, loss, sink);
        }
    }

    /** A re-sent case: another district, loss, fraud type, an earlier report time (maybe another day), or as it was. */
    private String[] correct(SplittableRandom rng, String[] row, long reported, int d, long loss) {
        String[] c = row.clone();
        switch (rng.nextInt(5)) {
            case 0 -> c[2] = districts[(d + 1 + rng.nextInt(Math.max(1, districts.length - 1))) % districts.length];
            case 1 -> c[5] = Shapes.money(rng, Math.round(loss * (0.5 + rng.nextDouble())));
            case 2 -> c[4] = types[rng.nextInt(types.length)];
            case 3 -> c[1] = Shapes.timestamp(rng, reported - 60L * (10 + rng.nextInt(600)));
            default -> c[1] = Shapes.timestamp(rng, reported);
        }
        return c;
    }

    private void stops(SplittableRandom rng, String caseId, int d, long reported, long loss, Sink sink) throws IOException {
        // 1.73 accounts per stopped case and 10-78% of the loss held: 2.1万 accounts and 4.1亿 yuan a city-year
        int n = 1 + Shapes.poisson(rng, 0.73);
        long stopped = Math.round(loss * (0.1 + 0.68 * rng.nextDouble()));
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i] = 0.2 + rng.nextDouble();
        }
        long last = reported;
        for (int i = 0; i < n; i++) {
            long amount = Math.max(1, Math.round(stopped * w[i] / sum));
            String account = accounts.take(rng, d);
            String bank = bank(rng);
            // minutes to stop: median 18, 88% within the hour, a tail of days (capped at a week)
            long at = Shapes.afterMinutes(rng, reported, Math.min(7 * 1440, Shapes.logNormal(rng, 18, 1.0)));
            last = Math.max(last, at);
            freeze(rng, caseId, "STOP_PAYMENT", bank, account, amount, at, sink);
            if (chance(rng, 0.13)) { // police follow up a stop with a freeze of the same account
                long frozenAt = Shapes.afterMinutes(rng, at, Math.min(10 * 1440, Shapes.logNormal(rng, 360, 1.2)));
                freeze(rng, caseId, "FREEZE", bank, account, Math.max(1, Math.round(amount * (0.3 + 0.7 * rng.nextDouble()))), frozenAt, sink);
            }
        }
        if (chance(rng, Math.min(1, Math.pow(stopped / 100.0 / REFUND_SCALE_YUAN, REFUND_EXPONENT)))) {
            refunds(rng, caseId, last, Math.max(1, Math.round(stopped * (0.4 + 0.6 * rng.nextDouble()))), sink);
        }
    }

    private void freeze(SplittableRandom rng, String caseId, String action, String bank, String account, long amount,
                        long at, Sink sink) throws IOException {
        String[] row = {id("FZ", ++freezeSeq, 6), caseId, action, bank, account, Shapes.money(rng, amount), Shapes.timestamp(rng, at)};
        LocalDate drop = Shapes.businessDay(at).plusDays(Shapes.pick(rng, new double[] {.92, .06, .02}));
        sink.emit(Feed.FREEZES, drop, row);
        if (chance(rng, 0.01)) { // the bank revises the amount it could hold
            String[] c = row.clone();
            c[5] = Shapes.money(rng, Math.max(1, amount / 2));
            sink.emit(Feed.FREEZES, drop.plusDays(rng.nextInt(4)), c);
        }
    }

    /** Money comes back 3-45 days after the last stop, in one to three payments. */
    private void refunds(SplittableRandom rng, String caseId, long after, long total, Sink sink) throws IOException {
        int parts = 1 + Shapes.pick(rng, new double[] {.75, .20, .05});
        long paid = 0;
        long at = after;
        for (int i = 0; i < parts; i++) {
            long amount = i == parts - 1 ? total - paid : Math.max(1, total / parts);
            paid += amount;
            if (amount <= 0) {
                break;
            }
            at = Shapes.momentOf(rng, Shapes.businessDay(at).plusDays(3 + rng.nextInt(43 / parts)));
            String[] row = {id("RF", ++refundSeq, 5), caseId, Shapes.money(rng, amount), Shapes.timestamp(rng, at)};
            sink.emit(Feed.REFUNDS, Shapes.businessDay(at).plusDays(chance(rng, 0.1) ? 1 : 0), row);
        }
    }

    private String station(SplittableRandom rng, int d) {
        if (chance(rng, 0.1)) {
            return "";
        }
        String code = districts[d];
        String name = catalog.districts().get(code);
        List<String> towns = TOWNS.getOrDefault(code, List.of("城区"));
        String s = name.replaceAll("区$", "") + "分局" + towns.get(rng.nextInt(towns.size())) + "派出所";
        double u = rng.nextDouble();
        // free text from people: commas, quotes and the odd line break, all legal inside a quoted field
        return u < 0.03 ? s + ",反诈专班" : u < 0.04 ? s.replace("分局", "分局\"") + "\"" : u < 0.043 ? s.replace("分局", "分局\n") : s;
    }

    private static String bank(SplittableRandom rng) {
        if (chance(rng, 0.3)) {
            return "";
        }
        String b = BANKS[rng.nextInt(BANKS.length)];
        return chance(rng, 0.05) ? b + "股份有限公司,佛山分行" : b;
    }

    private String id(String prefix, int seq, int width) {
        String n = Integer.toString(seq);
        return prefix + yyyymmdd + "0".repeat(Math.max(0, width - n.length())) + n;
    }

    /** Recent fraudster accounts per district: one in ten stops hits an account already seen, 30% across districts. */
    private static final class AccountPool {
        private static final int SIZE = 4096;
        private final String[][] pools;
        private final int[] filled;

        AccountPool(int districts) {
            pools = new String[Math.max(1, districts)][SIZE];
            filled = new int[pools.length];
        }

        String take(SplittableRandom rng, int d) {
            if (chance(rng, 0.10)) {
                int p = chance(rng, 0.7) ? d : rng.nextInt(pools.length);
                int have = Math.min(filled[p], SIZE);
                if (have > 0) {
                    return pools[p][rng.nextInt(have)];
                }
            }
            String fresh = Shapes.accountNo(rng);
            pools[d][filled[d]++ % SIZE] = fresh;
            return fresh;
        }
    }
}
