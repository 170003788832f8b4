package org.fraudstats.bulletin;

import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

/** Counts rendered days for whoever shows progress (the CLI's progress bar); rendering threads report here. */
@Component
public class RerunProgress {

    private volatile IntConsumer listener = done -> { };
    private int done;

    public synchronized void listen(IntConsumer listener) {
        this.listener = listener;
        this.done = 0;
    }

    public synchronized void dayDone() {
        listener.accept(++done);
    }
}
