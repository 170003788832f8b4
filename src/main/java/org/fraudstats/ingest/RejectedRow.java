package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.LinkedHashMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row that broke a rule of feeds.md, where it was and why; valuesJson holds its values, accounts masked. For the
 * portal's page, {@code countedDropDate} and {@code countedLine} say where the version of the same record that counts
 * was loaded from, when one does (null otherwise, and for the CLI and the API).
 */
public record RejectedRow(LocalDate dropDate, String file, int line, String recordId, String reason, String valuesJson,
                          LocalDate countedDropDate, Integer countedLine) {

    public RejectedRow(LocalDate dropDate, String file, int line, String recordId, String reason, String valuesJson) {
        this(dropDate, file, line, recordId, reason, valuesJson, null, null);
    }

    /**
     * What counts instead, in the statistician's words: a rejected correction leaves the earlier version counted
     * (更正被拒，统计仍按…), and a row may have been sent again, fixed (…已重新报送并计入); null when no version counts.
     */
    public String counted() {
        if (countedDropDate == null) {
            return null;
        }
        boolean earlier = countedDropDate.isBefore(dropDate) || countedDropDate.equals(dropDate) && countedLine < line;
        String where = "数据包 " + countedDropDate + " 第 " + countedLine + " 行";
        return earlier ? "此记录此前已载入，本行的更正被拒：统计仍按" + where + "的版本。"
                : "此记录已由" + where + "重新报送并计入统计。";
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() { };
    private static final int SHOWN = 60;

    /** The reason as /rejects says it ({@link RejectReason}). */
    public String reasonChinese() {
        return RejectReason.chinese(reason);
    }

    /**
     * The value the reason is about, as stored (account numbers masked), for /rejects: 440699 or the city's own code
     * under "unknown district" is what a data provider must be told (tester: the page hid it, the API had it). Control
     * and format characters are shown as ?, a long value is cut; （空） for an empty one; null for a reason about the whole row.
     */
    public String value() {
        var column = RejectReason.column(reason);
        if (column.isEmpty() || valuesJson == null) {
            return null;
        }
        Object value = JSON.readValue(valuesJson, VALUES).get(column.get());
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return "（空）";
        }
        StringBuilder shown = new StringBuilder();
        // a bidi override or a zero-width character (Unicode's format characters, and the line and paragraph
        // separators) would reorder or hide what the cell shows, the reason under it too (review)
        text.codePoints().limit(SHOWN).forEach(c -> shown.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029 ? '?' : c));
        return text.codePointCount(0, text.length()) > SHOWN ? shown + "…" : shown.toString();
    }
}
