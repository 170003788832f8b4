package org.fraudstats.bulletin;

import java.nio.file.Path;
import java.util.List;

/**
 * One bulletin written: its kind, its period as the folder names it (2022-10-23, 2022-10-01_2022-10-31), its
 * revision, whether this render made that revision, what changed against the revision before, its files, and the
 * 数据未到 notice it carries (null when its data had all arrived).
 */
public record Published(BulletinKind kind, String period, int revision, boolean newRevision, List<String> changes, List<Path> files,
                        String notice) {
}
