package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.RevisionChanges;
import org.fraudstats.settings.BusinessTime;

/**
 * One published revision of a bulletin: its kind, its period (as the folders and URLs name it: 2022-10-23 or
 * 2022-10-01_2022-10-31), when it was published, what it changed against the revision before (empty for the first)
 * and the 数据未到 notice it printed (null when its day's data was there); {@code publishedInto}, the output folder it
 * was published into, is where its files are looked for when the portal's own folder lacks them, and is never shown.
 */
public record PublishedBulletin(BulletinKind kind, String period, LocalDate from, LocalDate to, int revision,
                                OffsetDateTime publishedAt, List<String> changes, String missingNote, String publishedInto) {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** daily, weekly, monthly or range (web.md). */
    public String kindName() {
        return BulletinArchive.kindName(kind);
    }

    /** When it was published, in Asia/Shanghai with its offset (2022-10-24T07:05:12+08:00). */
    public String publishedAtText() {
        return TIME.format(publishedAt.atZoneSameInstant(BusinessTime.ZONE));
    }

    /** When it was published, as a page shows it: 2022-10-24 07:05:12 (Asia/Shanghai). */
    public String publishedAtDisplay() {
        return DISPLAY.format(publishedAt.atZoneSameInstant(BusinessTime.ZONE));
    }

    /** The path of a file below /api/v1/bulletins/ or the portal's /bulletins/: 2022-10-23/daily.pdf */
    public String filePath(String extension) {
        return period + "/" + kindName() + "." + extension;
    }

    /** The period as a page shows it: 2022-10-23, or 2022-10-17 至 2022-10-23 (the URLs' underscore is for machines). */
    public String periodDisplay() {
        return from.equals(to) ? from.toString() : from + " 至 " + to;
    }

    /** The bulletin's Chinese name (电信网络诈骗警情日报 …). */
    public String documentName() {
        return kind.documentName();
    }

    /** The figures this revision changed, as the page lists them; the reason is shown apart ({@link #correctionReason}). */
    public List<String> figureChanges() {
        return RevisionChanges.figures(changes);
    }

    /** 更正原因：… of a revision whose figures moved after later loads, or null. */
    public String correctionReason() {
        return RevisionChanges.reason(changes).orElse(null);
    }
}
