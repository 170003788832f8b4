package org.fraudstats.generate;

/** How many times Foshan's 2022 volume to generate: a province is ~100 cities, the country ~1000. */
public enum Scale {
    CITY(1), PROVINCE(100), NATIONAL(1000);

    private final int factor;

    Scale(int factor) {
        this.factor = factor;
    }

    public int factor() {
        return factor;
    }
}
