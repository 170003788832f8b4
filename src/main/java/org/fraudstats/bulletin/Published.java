package org.fraudstats.bulletin;

import java.nio.file.Path;
import java.util.List;

/** One bulletin written: its files, its revision, and what changed against the revision before. */
public record Published(String kind, String period, int revision, boolean newRevision, List<String> changes, List<Path> files) {
}
