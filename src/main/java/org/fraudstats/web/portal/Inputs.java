package org.fraudstats.web.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.DigitRuns;

/**
 * The checks every period and area given to the portal or the API goes through, with messages naming the parameter
 * as the command line's name its option: an ISO date that exists, from not after to, at most ten years (a longer
 * range is a mistake or an attempt to load the server, never a question of a statistician), a known district.
 */
public final class Inputs {

    /** The longest range the portal computes: ten years. */
    public static final int MAX_YEARS = 10;

    /** uuuu-MM-dd, strictly: 2022-02-30 is refused rather than read as 2022-02-28. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Inputs() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInput(name + " is missing (an ISO date, e.g. 2022-10-23)", label(name) + "日期未填（如 2022-10-23）").on(name);
        }
        if (value.contains(",")) {
            // the servlet joins a parameter given twice (from=…&from=…) with a comma: said as such, not as a bad date
            throw new BadInput(name + " is given more than once (or holds a comma): one ISO date, e.g. 2022-10-23",
                    label(name) + "日期只能填一个（如 2022-10-23）").on(name);
        }
        if (!value.equals(value.strip())) {
            // a '+' in a query is a space: from=+2022-10-01 arrives as " 2022-10-01"
            throw new BadInput(name + ": '" + printable(value.strip()) + "' has a space (or a '+') around it",
                    label(name) + "日期“" + printable(value.strip()) + "”前后有空格（或“+”）").on(name);
        }
        try {
            if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") || value.startsWith("0000")) {
                // a signed year (-0001-01-01) or year 0 parsed, and answered 200 with a period of nothing (tester api29)
                throw new DateTimeParseException("not a date of four-digit year from 0001", value, 0);
            }
            return LocalDate.parse(value, ISO);
        } catch (DateTimeParseException e) {
            Optional<String> iso = likelyMeant(value);
            if (iso.isPresent()) {
                // 20221001 is a date written without its dashes, not an account number: shown, with its ISO form; so
                // are 2022/10/1, 2022年10月1日 and a Chinese keyboard's full-width ２０２２－１０－０１ (r44c: 不是日期 alone)
                // shown as typed: it has a date's shape, no run of digits an account number could be
                throw new BadInput(name + ": '" + value + "' is not a date (an ISO date: " + iso.get() + ")",
                        label(name) + "日期“" + value + "”应写作 " + iso.get()).on(name);
            }
            throw new BadInput(name + ": '" + printable(value) + "' is not a date (an ISO date, e.g. 2022-10-23)",
                    label(name) + "日期“" + printable(value) + "”不是日期（应如 2022-10-23）").on(name);
        }
    }

    private static final java.util.regex.Pattern WRITTEN_OTHERWISE =
            java.util.regex.Pattern.compile("([0-9]{4}) ?[-/.年] ?([0-9]{1,2}) ?[-/.月] ?([0-9]{1,2}) ?日?");

    /** The ISO form of a date written another common way (full-width digits read as digits), or empty. */
    static Optional<String> likelyMeant(String value) {
        String v = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).strip();
        java.util.regex.Matcher written = WRITTEN_OTHERWISE.matcher(v);
        if (!written.matches()) {
            return BusinessTime.isoFormOf(v);
        }
        if (written.group(1).equals("0000")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(written.group(1)), Integer.parseInt(written.group(2)),
                    Integer.parseInt(written.group(3))).toString());
        } catch (java.time.DateTimeException notADay) {
            return Optional.empty();
        }
    }

    /**
     * What a refused form shows again in a date field: the value when it is a date, else nothing (as a browser's date
     * field does), so an account number typed or pasted there does not come back in the page; the error names it masked.
     */
    public static String dateOrEmpty(String value) {
        try {
            return date("date", value).toString();
        } catch (BadInput notADate) {
            return "";
        }
    }

    /** from and to, both required, checked as a period. */
    public static LocalDate[] period(String from, String to) {
        // both dates read before either is refused: told about 起 alone, a user fixed it and met 止 (retest)
        Checks checks = new Checks();
        LocalDate f = checks.of(() -> date("from", from));
        LocalDate t = checks.of(() -> date("to", to));
        checks.done();
        if (f.isAfter(t)) {
            throw new BadInput("from " + f + " is after to " + t, "起始日期 " + f + " 晚于截止日期 " + t).on("from", "to");
        }
        if (f.plusYears(MAX_YEARS).isBefore(t)) {
            throw new BadInput("from " + f + " to " + t + " is longer than " + MAX_YEARS + " years",
                    f + " 至 " + t + " 超过 " + MAX_YEARS + " 年").on("from", "to");
        }
        return new LocalDate[] {f, t};
    }

    /** A rerun's from and to: a period whose last day is not after today (BusinessTime.notYet). */
    public static LocalDate[] rerunPeriod(String from, String to, Clock clock) {
        LocalDate[] period = period(from, to);
        BusinessTime.notYet(period[1], clock).ifPresent(why -> {
            throw new BadInput("to " + why).on("to");
        });
        return period;
    }

    /** from and to checked as a period; when both are absent, the page's default period (null: there is none yet). */
    public static LocalDate[] periodOr(String from, String to, java.util.function.Supplier<LocalDate[]> otherwise) {
        boolean absent = (from == null || from.isEmpty()) && (to == null || to.isEmpty());
        return absent ? otherwise.get() : period(from, to);
    }

    /** null stays null (every area); anything else must be a district or the city. */
    public static String district(Catalog catalog, String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        if (code.contains(",")) {
            // the servlet joins a parameter given twice with a comma: it read as one unknown code, 440605?440606 (tester 30a)
            throw new BadInput("district is given more than once: one code", "地区只能选一个").on("district");
        }
        if (!catalog.isArea(code)) {
            throw new BadInput("district " + printable(code) + ": unknown district (known: "
                    + String.join(", ", catalog.districtCodes()) + ", " + catalog.cityCode() + ")",
                    "没有代码为 " + printable(code) + " 的地区（可选：" + String.join("、", catalog.districtCodes()) + "、" + catalog.cityCode() + "）").on("district");
        }
        return code;
    }

    /**
     * An API parameter given empty (district=): a script whose variable was unset, asking for one area and about to
     * read the first row of every area's answer as that one. Refused, as the command line refuses --district ''; a
     * page's form sends district= for 每个地区, which {@link #district} reads as every area.
     */
    public static void notEmpty(String name, String value) {
        notEmpty(name, value, name.equals("district") ? "every area" : "none");
    }

    /** As {@link #notEmpty(String, String)}, saying what the answer is without it (the headline's is the city's). */
    public static void notEmpty(String name, String value, String leftOut) {
        if (value != null && value.isEmpty()) {
            throw new BadInput(name + " is empty (leave it out for " + leftOut + ")");
        }
    }

    /**
     * A list's page (the archive's, the audit log's): 1 when not given, the last when past it (a bookmark of a list
     * grown shorter); anything but a positive number is bad input.
     */
    public static int page(String page, int pages) {
        if (page == null || page.isEmpty()) {
            return 1;
        }
        if (!page.matches("[1-9][0-9]{0,5}")) {
            throw new BadInput("page: " + printable(page) + " is not a page number", "页码应为正整数：" + printable(page)).on("page");
        }
        return Math.min(pages, Integer.parseInt(page));
    }

    /**
     * A form's checks, each run, every refusal kept: told one wrong field at a time, a user fixed it, sent the form
     * again and met the next (tester). {@link #done} throws them as one BadInput, each field marked.
     */
    public static final class Checks {
        private final java.util.List<BadInput> refused = new java.util.ArrayList<>();

        /** The value, or null when the check refused it (kept for {@link #done}). */
        public <T> T of(java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (BadInput e) {
                refused.add(e);
                return null;
            }
        }

        /** A refusal found without a check to run (a value outside a list): kept with the others. */
        public void refuse(BadInput refusal) {
            refused.add(refusal);
        }

        public void done() {
            if (!refused.isEmpty()) {
                throw BadInput.all(refused);
            }
        }
    }

    /** 起始 or 截止, for a page's message about the parameter from or to. */
    private static String label(String name) {
        return switch (name) {
            case "from" -> "起始";
            case "to" -> "截止";
            case "date" -> "";
            default -> name + " ";
        };
    }

    /** The job execution id runs are listed before (`before=`, /runs and /api/v1/runs alike), or null when not given. */
    public static Long before(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[1-9][0-9]{0,17}")) {
            throw new BadInput("before: '" + printable(value) + "' is not a job execution id", "编号 " + printable(value) + " 不是运行记录的编号");
        }
        return Long.parseLong(value);
    }

    /** A value echoed in a message: short, one line, nothing a terminal or a page would interpret, no long digit runs. */
    public static String printable(String value) {
        // a long digit run might be an account number pasted in the wrong field: masked as the rejects mask one,
        // grouped or in full-width digits too, and before the value is cut to 40 or its spaces replaced, which would
        // split a run the mask has to see whole (the first cut, far beyond 40, only bounds the work)
        String whole = value.length() > 400 ? value.substring(0, 400) : value;
        // dashes of any width kept as typed: a full-width one read as '?', as if the encoding were broken (r44c)
        String v = DigitRuns.mask(whole).replaceAll("[^\\p{L}\\p{N}\\p{Pd}._:/+*]", "?").replaceAll("\\d{7,}", "…");
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
