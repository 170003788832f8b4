package org.fraudstats.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.generate.Feed.Kind;

/**
 * Corrupts a good row into one that rule 3 of feeds.md must reject. Every corruption is certain to be invalid (a
 * loader that accepts one has a bug), and each is a mistake real exports make: a blank cell, a space for T, +0800,
 * a 30 February, 12.345, 1e5, -5, "1,000", the city code as a district, a lower-case code, a trailing space, an
 * unknown action/channel/outcome, a victim aged 130, a cell too many or too few.
 */
final class BadRows {

    private final Catalog catalog;

    BadRows(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @param kinds the kind of each output column; @return a new array, possibly of another length */
    String[] corrupt(SplittableRandom rng, Kind[] kinds, String[] row) {
        String[] bad = row.clone();
        List<Integer> targets = new ArrayList<>();
        int how = rng.nextInt(5);
        for (int i = 0; i < kinds.length; i++) {
            boolean fits = switch (how) {
                case 0 -> kinds[i].required();
                case 1 -> kinds[i] == Kind.TIMESTAMP;
                case 2 -> kinds[i] == Kind.MONEY || kinds[i] == Kind.MONEY_OR_ZERO || kinds[i] == Kind.AGE;
                case 3 -> kinds[i] == Kind.DISTRICT || kinds[i] == Kind.FRAUD_TYPE || kinds[i] == Kind.ACTION
                        || kinds[i] == Kind.CHANNEL || kinds[i] == Kind.OUTCOME;
                default -> false;
            };
            if (fits) {
                targets.add(i);
            }
        }
        if (targets.isEmpty()) {
            // wrong field count: a trailing cell too many, or the last one lost
            if (rng.nextBoolean()) {
                return Arrays.copyOf(row, row.length - 1);
            }
            String[] longer = Arrays.copyOf(row, row.length + 1);
            longer[row.length] = rng.nextBoolean() ? "" : "多余";
            return longer;
        }
        int i = targets.get(rng.nextInt(targets.size()));
        bad[i] = how == 0 ? "" : wrong(rng, kinds[i], row[i]);
        return bad;
    }

    private String wrong(SplittableRandom rng, Kind kind, String v) {
        int k = rng.nextInt(4);
        return switch (kind) {
            case TIMESTAMP -> badTimestamp(k, v);
            case MONEY, MONEY_OR_ZERO -> switch (k) {
                case 0 -> new BigDecimal(v).setScale(2).toPlainString() + (1 + rng.nextInt(9));
                case 1 -> "1e5";
                case 2 -> kind == Kind.MONEY && rng.nextBoolean() ? "0" : "-5";
                default -> String.format(Locale.ROOT, "%,d", new BigDecimal(v).longValue() + 1000);
            };
            case AGE -> new String[] {"130", "-1", "abc", "35.5"}[k];
            case DISTRICT -> unknown(catalog.cityCode(), v + " ", "999999", "佛山市南海区", k);
            case FRAUD_TYPE -> unknown(v.toLowerCase(Locale.ROOT), v + " ", "TELECOM_FRAUD", "刷单返利", k);
            case ACTION -> new String[] {"stop_payment", "UNFREEZE", "止付", "STOP PAYMENT"}[k];
            case CHANNEL -> new String[] {"sms", "EMAIL", "WECHAT", "见面"}[k];
            case OUTCOME -> new String[] {"dissuaded", "PENDING", "SUCCESS", "劝阻成功"}[k];
            default -> "";
        };
    }

    /** A deployment may configure odd codes, so a candidate that happens to be valid falls back to the next. */
    private String unknown(String a, String b, String c, String d, int k) {
        String[] options = {a, b, c, d};
        for (int j = 0; j < options.length; j++) {
            String o = options[(k + j) % options.length];
            if (!catalog.isDistrict(o) && !catalog.isFraudType(o)) {
                return o;
            }
        }
        return "??";
    }

    private static String badTimestamp(int k, String v) {
        String naive = v.endsWith("Z") ? v.substring(0, v.length() - 1)
                : v.endsWith("+08:00") ? v.substring(0, v.length() - 6) : v;
        return switch (k) {
            case 0 -> v.replace('T', ' ');
            case 1 -> naive + "+0800";
            case 2 -> naive.substring(0, 4) + "-02-30" + naive.substring(10);
            default -> naive.replace('-', '/');
        };
    }
}
