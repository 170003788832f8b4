package org.fraudstats.web.portal;

import java.util.List;
import java.util.Set;

/** A request the user can correct (a bad date, an unknown district, …): 400 with this one line (web.md). */
public class BadInput extends SaidInBoth {

    private Set<String> fields = Set.of();

    public BadInput(String message) {
        this(message, null);
    }

    public BadInput(String english, String chinese) {
        super(english, chinese);
    }

    /** The parameters at fault: a page that shows its form again marks these fields (aria-invalid). */
    public BadInput on(String... names) {
        this.fields = Set.copyOf(List.of(names));
        return this;
    }

    public Set<String> fields() {
        return fields;
    }
}
