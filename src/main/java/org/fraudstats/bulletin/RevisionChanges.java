package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A revision's list of changes as it is recorded (table bulletin_revision, manifest.json, the API's {@code changes}):
 * the figures that moved against the revision before, one line each, then, when loads since the revision before
 * explain them, one line saying why ({@code 更正原因：2022-10-21 的数据有更新（迟报、更正或修复）}). The record keeps
 * one list, so scripts read it as before; readers show the figures and the reason apart. Counted among the changes,
 * the reason made the portal say "本修订变更 3 项" of two figures, and the PDF and the mail listed it as one more
 * changed number.
 */
public final class RevisionChanges {

    private static final String REASON = "更正原因：";

    private RevisionChanges() {
    }

    /** The line saying why a revision's figures moved: the days whose data changed since the revision before. */
    public static String reasonLine(List<LocalDate> changedDays) {
        return REASON + MissingData.named(changedDays) + " 的数据有更新（迟报、更正或修复）";
    }

    /** The changed figures of a recorded list, without its reason line. */
    public static List<String> figures(List<String> changes) {
        return changes.stream().filter(c -> !c.startsWith(REASON)).toList();
    }

    /** The reason line of a recorded list, if it has one (revisions published before it was written have none). */
    public static Optional<String> reason(List<String> changes) {
        return changes.stream().filter(c -> c.startsWith(REASON)).findFirst();
    }
}
