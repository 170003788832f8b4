package org.fraudstats.web.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.RejectedExecutionException;

import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.StandardServletAsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Listings started and not yet written, as stalled clients would leave them: for tests outside this package. */
public final class HeldListings implements AutoCloseable {

    private final List<StreamingResponseBody> held = new ArrayList<>();

    private HeldListings() {
    }

    /** Takes every free place of the portal's bound on streamed listings. */
    public static HeldListings all(ApplicationContext context) {
        StreamedListings listings = context.getBean(StreamedListings.class);
        HeldListings h = new HeldListings();
        while (listings.available() > 0) {
            h.held.add(listings.start("test-hold", "stalled client", out -> { }));
        }
        return h;
    }

    /** Takes every place of the bound on large figure listings, as answers being computed would, until closed. */
    public static AutoCloseable largeFigures(ApplicationContext context) throws InterruptedException {
        LargeFigureListings large = context.getBean(LargeFigureListings.class);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int places = large.available();
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(places);
        List<Thread> computing = new ArrayList<>();
        for (int i = 0; i < places; i++) {
            Thread thread = new Thread(() -> large.compute(LargeFigureListings.LARGE_ROWS + 1, "test-hold", "held", () -> {
                taken.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            thread.start();
            computing.add(thread);
        }
        taken.await();
        return () -> {
            release.countDown();
            for (Thread thread : computing) {
                thread.join();
            }
        };
    }

    /**
     * A listing started in a request whose async processing ends without its body ever running (Spring's executor
     * refuses the task, then the container completes the request); returns the places free afterwards.
     */
    public static int abandoned(ApplicationContext context) throws Exception {
        StreamedListings listings = context.getBean(StreamedListings.class);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/rejects");
        request.setAsyncSupported(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        try {
            StreamingResponseBody body = listings.start("test-abandon", "never written", out -> {
                throw new IllegalStateException("the body was not to run");
            });
            WebAsyncManager manager = WebAsyncUtils.getAsyncManager(request);
            manager.setAsyncWebRequest(new StandardServletAsyncWebRequest(request, response));
            manager.setTaskExecutor(new SimpleAsyncTaskExecutor() {
                @Override
                public void execute(Runnable task) {
                    throw new RejectedExecutionException("no thread free");
                }
            });
            manager.startCallableProcessing(() -> {
                body.writeTo(OutputStream.nullOutputStream());
                return null;
            });
            request.getAsyncContext().complete();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        return listings.available();
    }

    public int count() {
        return held.size();
    }

    /** The stalled clients read to the end: their places are free again. */
    @Override
    public void close() throws IOException {
        for (StreamingResponseBody body : held) {
            body.writeTo(OutputStream.nullOutputStream());
        }
        held.clear();
    }
}
