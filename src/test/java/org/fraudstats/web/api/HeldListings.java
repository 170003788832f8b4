package org.fraudstats.web.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;
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
