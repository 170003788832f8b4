/**
 * Bulletins (PDF 通报 and Excel workbook, with their revisions); this root package is the module's API, used by cli,
 * schedule and bench: BulletinPublisher, Rerun, RerunProgress and the types they return; sub-packages are internal.
 * <p>
 * It may use metrics (every figure), press (the summary), catalog (names), storage (SQL files), ingest (the
 * footnote's rows loaded, rejected and pending, which only the loader knows) and audit (each publication is recorded);
 * nothing here computes a figure.
 */
@ApplicationModule(allowedDependencies = {"metrics", "press", "catalog", "settings", "storage", "ingest", "audit"})
package org.fraudstats.bulletin;

import org.springframework.modulith.ApplicationModule;
