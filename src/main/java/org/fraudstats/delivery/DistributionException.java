package org.fraudstats.delivery;

/** jobs/distribution.yml cannot be used; the message is one line naming the file, the entry and the problem. */
public class DistributionException extends RuntimeException {

    DistributionException(String source, String entry, String problem) {
        super(source + ": " + (entry == null ? "" : entry + ": ") + problem);
    }
}
