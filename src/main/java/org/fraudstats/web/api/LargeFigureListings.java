package org.fraudstats.web.api;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.fraudstats.settings.FraudstatsSettings;
import org.fraudstats.web.portal.PortalAudit;
import org.springframework.stereotype.Component;

/**
 * A bound on the large /api/v1/metrics answers computed at once. A listing is built whole before it is sent (the
 * bytes `metrics --format json` prints), and ten years day by day for every area with its comparison is some
 * 100 MB while it is built: a tester's 30 at once filled the 1 GB heap, and the portal, the nightly schedule and
 * the mail, all in the same process, stopped for over ten minutes. Answers of up to {@value #LARGE_ROWS} rows (a
 * year day by day for every area) are not counted; one large answer more than the bound is refused at once, 503
 * with Retry-After, and recorded in the audit log, as a streamed listing is (StreamedListings).
 */
@Component
class LargeFigureListings {

    static final int LARGE_ROWS = 2_500;

    private final Semaphore permits;
    private final int limit;
    private final PortalAudit audit;

    LargeFigureListings(FraudstatsSettings settings, PortalAudit audit) {
        this.limit = settings.concurrentListings();
        this.permits = new Semaphore(limit);
        this.audit = audit;
    }

    /** The answer {@code work} computes, of about {@code rows} rows; refused when it is large and the bound is reached. */
    <T> T compute(long rows, String action, String object, Supplier<T> work) {
        if (rows <= LARGE_ROWS) {
            return work.get();
        }
        if (!permits.tryAcquire()) {
            audit.record(action, object, "busy");
            throw new Busy(limit);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** Places free now (tests hold and count them). */
    int available() {
        return permits.availablePermits();
    }

    static final class Busy extends RuntimeException {
        Busy(int limit) {
            super(limit + " listings of more than " + LARGE_ROWS + " rows are being computed already, the most at once; "
                    + "try again in a minute, or ask a shorter period or one district");
        }
    }
}
