package org.fraudstats.bulletin.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fraudstats.bulletin.BaseGaps;
import org.fraudstats.bulletin.ComparedBase;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.bulletin.look.Formats;

/**
 * The small print: which base periods the changes compare with, how fresh and complete the data are, where the
 * definitions live and when the document was made. A figure nobody can trace is not published.
 */
public final class DataNote {

    /** Said where the changes would be, of a period whose data has not all arrived. */
    public static final String NOT_COMPARED = "本期含数据未到的日期，不计算同比、环比";

    /** Where a reader of the PDF finds what each figure counts: the workbook travels with it, the portal has it too. */
    public static final String DEFINITIONS = "各项指标的统计口径见本通报 Excel 版的“统计口径”表及门户“统计数据”页";

    private DataNote() {
    }

    public static String basePeriods(DistrictTable table) {
        DistrictTable.Row city = table.city();
        return org.fraudstats.bulletin.BasePeriods.said(city.current().from(), city.current().to());
    }

    /**
     * Under the PDF's table of changes, which prints "—" where the workbook leaves a cell empty: its 同比 and 环比 only,
     * the year to date's reasons are said under its own table (review 33b: said here, where no year to date is).
     */
    public static String changesNote(DistrictTable table) {
        return basePeriods(table) + "。" + (table.compared()
                ? "“" + Formats.NONE + "”表示基期数为0" + noRecordsSaid(table.gaps()) + gapsSaid(table.gaps(), ComparedBase.CHANGES) + "，不计算变化。"
                : NOT_COMPARED + "。");
    }

    /** Under the workbook's base periods, whose empty cells are what the PDF's "—" is; its summary has all three changes. */
    public static String changesNoteOfWorkbook(DistrictTable table) {
        return basePeriods(table) + "；" + (table.compared()
                ? "变化为空表示基期数为0" + noRecordsSaid(table.gaps()) + gapsSaid(table.gaps(), List.of(ComparedBase.values()))
                : NOT_COMPARED);
    }

    /** Under the PDF's year to date: why its 同比 prints "—" (its heading names the days before the records). */
    public static String yearToDateNote(BulletinData data) {
        if (!data.compared()) {
            return "本期含数据未到的日期，不计算同比。";
        }
        BaseGaps gaps = data.gaps();
        List<String> why = new ArrayList<>();
        said(why, ComparedBase.YEAR_TO_DATE.noteName(), gaps.notArrived(ComparedBase.YEAR_TO_DATE));
        if (!why.isEmpty()) {
            why.set(0, why.get(0) + "含数据未到的日期");
        }
        if (gaps.beforeRecords(ComparedBase.YEAR_TO_DATE)) {
            why.add(ComparedBase.YEAR_TO_DATE.noteName() + gaps.beforeRecords().said());
        }
        if (gaps.noRecords().lastYearToDate()) {
            why.add("去年同期在最早记录" + gaps.noRecords().firstDay() + "之前，没有记录");
        }
        return why.isEmpty() ? "“" + Formats.NONE + "”表示去年同期数为0，不计算同比。" : String.join("，", why) + "，不计算同比。";
    }

    /**
     * "（同比基期在最早记录2021-10-01之前，没有记录）" when a base lies wholly before the records: its 0 is no record, not no
     * case (BaseGaps.NoRecords).
     */
    static String noRecordsSaid(BaseGaps gaps) {
        List<String> bases = new ArrayList<>();
        for (ComparedBase base : ComparedBase.CHANGES) {
            if (gaps.noRecords(base)) {
                bases.add(base.noteName());
            }
        }
        return bases.isEmpty() ? "" : "（" + String.join("、", bases) + "在最早记录" + gaps.noRecords().firstDay() + "之前，没有记录）";
    }

    /**
     * "或同比基期含数据未到的日期（2021-11-06）" for each comparison whose base holds such days: a reader must be able to
     * tell a change not computed for a zero base from one not computed for want of data.
     */
    static String gapsSaid(BaseGaps gaps, List<ComparedBase> bases) {
        List<String> said = new ArrayList<>();
        List<String> beforeRecords = new ArrayList<>();
        for (ComparedBase base : bases) {
            said(said, base.noteName(), gaps.notArrived(base));
            if (gaps.beforeRecords(base)) {
                beforeRecords.add(base.noteName());
            }
        }
        return (said.isEmpty() ? "" : "，或" + String.join("、", said) + "含数据未到的日期")
                + (beforeRecords.isEmpty() ? "" : "，或" + String.join("、", beforeRecords) + gaps.beforeRecords().said());
    }

    private static void said(List<String> said, String base, List<LocalDate> days) {
        if (!days.isEmpty()) {
            said.add(base + "（" + MissingData.named(days) + "）");
        }
    }

    /**
     * What the bulletin was computed from. Named as the workbook's 数据质量 sheet names it: "数据截至" is the period's cut-off
     * in the mail (delivery.md), and a November 月报 rendered in December read as holding December's data (r43a).
     */
    public static String provenance(Provenance p) {
        return "注：最新入库批次：" + Formats.day(p.latestDrop()) + "；已入库"
                + Formats.count(p.rowsLoaded()) + "行，拒收" + Formats.count(p.rowsRejected()) + "行，待处理"
                + Formats.count(p.rowsPending()) + "行；作业执行编号"
                + (p.jobExecutionId() == null ? Formats.NONE : String.valueOf(p.jobExecutionId())) + "。"
                + DEFINITIONS + "。生成时间：" + generatedAt(p) + "。";
    }

    public static String generatedAt(Provenance p) {
        return Formats.beijingTime(p.generatedAt()) + "（北京时间）";
    }
}
