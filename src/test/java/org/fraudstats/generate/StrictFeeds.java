package org.fraudstats.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.fraudstats.catalog.Catalog;

/**
 * A deliberately small, strict reading of feeds.md, independent of the generator: it decides for every row whether
 * the pipeline must accept it, and tallies the accepted latest versions the way the loading rules count them.
 */
final class StrictFeeds {

    private static final Pattern MONEY = Pattern.compile("^[0-9]+(\\.[0-9]{1,2})?$");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$");
    private static final Pattern AGE = Pattern.compile("^(0|[1-9][0-9]{0,2})$");

    final Catalog catalog = Catalog.foshan();
    long rejected;
    long accepted;
    final Map<String, Long> rejectedByFile = new HashMap<>();
    // latest accepted versions, the way rule 1 counts them
    final Map<String, String[]> cases = new HashMap<>();
    final Map<String, String[]> freezes = new HashMap<>();
    final Map<String, String[]> refunds = new HashMap<>();
    long warnings;
    long dissuadedVisits;
    private final Map<String, Boolean> warningIsDissuadedVisit = new HashMap<>();
    private final boolean keepWarnings;

    StrictFeeds(boolean keepWarnings) {
        this.keepWarnings = keepWarnings;
    }

    void readAll(Path outDir) throws IOException {
        try (Stream<Path> days = Files.list(outDir)) {
            for (Path day : days.sorted().toList()) {
                for (String f : List.of("cases.csv", "freezes.csv", "refunds.csv", "warnings.csv")) {
                    read(day.resolve(f));
                }
            }
        }
        if (keepWarnings) {
            warnings = warningIsDissuadedVisit.size();
            dissuadedVisits = warningIsDissuadedVisit.values().stream().filter(b -> b).count();
        }
    }

    void read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) == 0) {
            return;
        }
        CsvReader.CsvReaderBuilder builder = CsvReader.builder().detectBomHeader(true).allowExtraFields(true)
                .allowMissingFields(true).skipEmptyLines(false);
        try (CsvReader<CsvRecord> csv = builder.ofCsvRecord(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            for (CsvRecord r : csv) {
                if (header == null) {
                    header = r.getFields();
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                boolean ok = r.getFieldCount() == header.size();
                for (int i = 0; ok && i < header.size(); i++) {
                    row.put(header.get(i), r.getField(i));
                }
                ok = ok && switch (name) {
                    case "cases.csv" -> required(row, "case_id") && timestamp(row.get("reported_at"))
                            && catalog.isDistrict(row.get("district_code")) && catalog.isFraudType(row.get("fraud_type"))
                            && money(row.get("loss_amount"), false) && age(row.get("victim_age"));
                    case "freezes.csv" -> required(row, "freeze_id") && required(row, "case_id") && required(row, "account_no")
                            && Set.of("STOP_PAYMENT", "FREEZE").contains(row.get("action"))
                            && money(row.get("amount"), true) && timestamp(row.get("effective_at"));
                    case "refunds.csv" -> required(row, "refund_id") && required(row, "case_id")
                            && money(row.get("amount"), true) && timestamp(row.get("refunded_at"));
                    default -> required(row, "warning_id") && timestamp(row.get("issued_at"))
                            && catalog.isDistrict(row.get("district_code"))
                            && Set.of("SMS", "CALL", "VISIT", "APP").contains(row.get("channel"))
                            && Set.of("DISSUADED", "UNREACHED", "ALREADY_DEFRAUDED").contains(row.get("outcome"));
                };
                if (!ok) {
                    rejected++;
                    rejectedByFile.merge(name, 1L, Long::sum);
                    continue;
                }
                accepted++;
                switch (name) {
                    case "cases.csv" -> cases.put(row.get("case_id"), values(row, "district_code", "loss_amount", "reported_at"));
                    case "freezes.csv" -> freezes.put(row.get("freeze_id"), values(row, "case_id", "action", "account_no", "amount", "effective_at"));
                    case "refunds.csv" -> refunds.put(row.get("refund_id"), values(row, "case_id", "amount", "refunded_at"));
                    default -> {
                        boolean dv = "VISIT".equals(row.get("channel")) && "DISSUADED".equals(row.get("outcome"));
                        if (keepWarnings) {
                            warningIsDissuadedVisit.put(row.get("warning_id"), dv);
                        } else {
                            warnings++;
                            dissuadedVisits += dv ? 1 : 0;
                        }
                    }
                }
            }
        }
    }

    private static String[] values(Map<String, String> row, String... names) {
        return Stream.of(names).map(row::get).toArray(String[]::new);
    }

    private static boolean required(Map<String, String> row, String col) {
        String v = row.get(col);
        return v != null && !v.isEmpty();
    }

    static boolean money(String v, boolean positive) {
        return v != null && MONEY.matcher(v).matches() && (!positive || new BigDecimal(v).signum() > 0);
    }

    static boolean age(String v) {
        return v != null && (v.isEmpty() || AGE.matcher(v).matches() && Integer.parseInt(v) <= 120);
    }

    static boolean timestamp(String v) {
        if (v == null || !TIMESTAMP.matcher(v).matches()) {
            return false;
        }
        // the ISO formatters resolve strictly, so 30 February fails
        try {
            if (v.endsWith("Z") || v.charAt(v.length() - 6) == '+' || v.charAt(v.length() - 6) == '-') {
                OffsetDateTime.parse(v);
            } else {
                LocalDateTime.parse(v);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Money helpers for the magnitude checks, in yuan. */
    static BigDecimal sum(Iterable<String[]> rows, int col, Predicate<String[]> filter) {
        BigDecimal s = BigDecimal.ZERO;
        for (String[] r : rows) {
            if (filter.test(r)) {
                s = s.add(new BigDecimal(r[col]));
            }
        }
        return s;
    }

    static long distinct(Iterable<String[]> rows, int col, Predicate<String[]> filter) {
        Set<String> seen = new HashSet<>();
        for (String[] r : rows) {
            if (filter.test(r)) {
                seen.add(r[col]);
            }
        }
        return seen.size();
    }
}
