package org.fraudstats.web.api;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fraudstats.settings.FraudstatsSettings;
import org.fraudstats.web.portal.PortalAudit;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A bound on the streamed listings (/api/v1/rejects, /api/v1/audit) being written at once. Each holds a database
 * connection for as long as its client takes to read, up to the 30-minute async timeout; unbounded, a handful of
 * stalled downloads by one signed-in user would take the whole pool (8 connections), and with it sign-in, the portal and the
 * nightly job. One more than the bound is answered 503 at once, with Retry-After, and recorded in the audit log.
 */
@Component
class StreamedListings {

    private final Semaphore permits;
    private final int limit;
    private final PortalAudit audit;

    StreamedListings(FraudstatsSettings settings, PortalAudit audit) {
        int limit = settings.concurrentListings();
        this.permits = new Semaphore(limit);
        this.limit = limit;
        this.audit = audit;
    }

    /**
     * Takes a place for a listing and records the read as {@code action} of {@code object}, or refuses it. The place is
     * given back once: when the body has been written or has failed, or when Spring ends the request's async processing
     * without ever running the body (a timeout or an error before it began, its task refused by the executor).
     */
    StreamingResponseBody start(String action, String object, StreamingResponseBody body) {
        if (!permits.tryAcquire()) {
            audit.record(action, object, "busy");
            throw new Busy(limit);
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable giveBack = () -> {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        };
        try {
            audit.record(action, object, "success");
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                WebAsyncUtils.getAsyncManager(request.getRequest()).registerCallableInterceptor(StreamedListings.class.getName(),
                        new CallableProcessingInterceptor() {
                            @Override
                            public <T> void afterCompletion(NativeWebRequest r, Callable<T> task) {
                                giveBack.run();
                            }
                        });
            }
        } catch (RuntimeException e) {
            giveBack.run();
            throw e;
        }
        return out -> {
            try {
                body.writeTo(out);
            } finally {
                giveBack.run();
            }
        };
    }

    /** Places free now (tests hold and count them). */
    int available() {
        return permits.availablePermits();
    }

    static final class Busy extends RuntimeException {
        Busy(int limit) {
            super(limit + " listings (rejects, audit) are being downloaded already, the most at once; try again in a minute");
        }
    }
}
