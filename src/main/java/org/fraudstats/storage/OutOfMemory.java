package org.fraudstats.storage;

import java.util.Optional;

/**
 * A failure that is the JVM out of memory, said with what mends it: "Java heap space" alone named neither memory nor
 * the setting that gives more (r41b).
 */
public final class OutOfMemory {

    private OutOfMemory() {
    }

    /** The line for a failure with an OutOfMemoryError among its causes, if it has one. */
    public static Optional<String> said(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError memory) {
                String what = memory.getMessage() == null ? "OutOfMemoryError" : memory.getMessage();
                // the heap's alone is mended by -Xmx; threads or metaspace are not (review r41e)
                boolean heap = what.contains("Java heap space") || what.contains("GC overhead");
                return Optional.of("out of memory (" + what + ")" + (heap ? ": give the JVM more with FRAUDSTATS_JAVA_OPTS, e.g. "
                        + "FRAUDSTATS_JAVA_OPTS=-Xmx2g (the default is -Xmx1g)" : ""));
            }
        }
        return Optional.empty();
    }
}
