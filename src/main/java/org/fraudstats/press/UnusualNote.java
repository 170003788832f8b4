package org.fraudstats.press;

import java.util.List;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.UnusualDistrict;
import org.fraudstats.metrics.UnusualDistricts;

/**
 * The words of the 异常提示 block (README, 统计口径): one sentence per flagged district, with the day's figure and
 * its baseline, or 无异常. The daily bulletin and its mail print the same text.
 */
public final class UnusualNote {

    public static final String HEADING = "异常提示";
    public static final String NOTHING_UNUSUAL = "无异常。";

    /** Of a day whose data has not arrived: its zeros are no data, and "无异常" of them would be a finding. */
    public static final String NOT_JUDGED = "当日数据未到，未作判断。";

    /** Of a day fewer than 7 of whose 28 days before have data: there is no baseline to judge by. */
    public static String baselineTooShort(int arrivedDays) {
        return arrivedDays == 0 ? "近" + UnusualDistricts.BASELINE_DAYS + "日无数据，未作判断。"
                : "近" + UnusualDistricts.BASELINE_DAYS + "日中有数据的仅" + arrivedDays + "日，未作判断。";
    }

    private UnusualNote() {
    }

    /** "禅城区警情31宗，为近28日日均12.4宗的2.5倍。南海区…。", or "无异常。" */
    public static String text(List<UnusualDistrict> districts, Catalog catalog) {
        if (districts.isEmpty()) {
            return NOTHING_UNUSUAL;
        }
        StringBuilder text = new StringBuilder();
        districts.forEach(d -> text.append(sentence(d, catalog)).append('。'));
        return text.toString();
    }

    static String sentence(UnusualDistrict d, Catalog catalog) {
        String name = catalog.areaName(d.districtCode()).orElse(d.districtCode());
        // a day whose data has not arrived is not in the mean (UnusualDistricts): the sentence says over how many it is
        String days = "近" + UnusualDistricts.BASELINE_DAYS + "日"
                + (d.baselineDays() < UnusualDistricts.BASELINE_DAYS ? "中有数据的" + d.baselineDays() + "日" : "");
        String day = name + "警情" + d.cases() + "宗，";
        if (d.baselineCases() == 0) {
            // no multiple of nothing: the plain fact says it
            return day + days + "无警情";
        }
        if (d.dailyBaseline().signum() == 0) {
            // a mean that rounds to 0.0 would print as 日均0.0宗 and a multiple in the hundreds: give the count
            return day + days + "仅" + d.baselineCases() + "宗";
        }
        return day + "为" + days + "日均" + d.dailyBaseline().toPlainString() + "宗的" + d.ratio().orElseThrow().toPlainString() + "倍";
    }
}
