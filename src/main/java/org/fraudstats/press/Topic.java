package org.fraudstats.press;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which of the seed release's two standing sentences a headline says (press-style.md, "Sentences"): handling
 * (cases, stopped accounts and money, refunds) or prevention (warnings handled, face-to-face dissuasions). Both
 * are said of the same {@link org.fraudstats.metrics.AreaFigures}, so one read of the figures gives both.
 */
public enum Topic {
    HANDLING("handling"),
    PREVENTION("prevention");

    private final String key;

    Topic(String key) {
        this.key = key;
    }

    /** The value of {@code --topic} and of the API's {@code topic=} (cli.md, web.md). */
    public String key() {
        return key;
    }

    /** Exact and case-sensitive, as every other option value of cli.md. */
    public static Optional<Topic> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
