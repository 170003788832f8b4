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

    /** Several refusals of one form as one: each line, every field marked. */
    static BadInput all(List<BadInput> refused) {
        if (refused.size() == 1) {
            return refused.get(0);
        }
        BadInput all = new BadInput(String.join("; ", refused.stream().map(BadInput::getMessage).toList()),
                String.join("；", refused.stream().map(BadInput::chinese).toList()));
        all.fields = Set.copyOf(refused.stream().flatMap(r -> r.fields().stream()).toList());
        return all;
    }
}
