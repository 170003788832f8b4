package org.fraudstats.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line the code records in English with holes ({@code drop not in %s; looking again in %s}), and the same holes
 * read back from a recorded line, so that a page can say it in Chinese. The writer and the page use one template:
 * a line reworded here is reworded for both, where a page matching its own copy of the words fell back to English
 * unnoticed when the writer changed them.
 */
public final class LineTemplate {

    private final String template;
    private final Pattern pattern;

    public LineTemplate(String template) {
        this.template = template;
        String[] pieces = template.split("%s", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append("(.+?)");
            }
            regex.append(Pattern.quote(pieces[i]));
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The line with its holes filled, as the record and the log say it. */
    public String line(Object... holes) {
        return String.format(Locale.ROOT, template, holes);
    }

    /** The holes of a line written from this template, in order; null when the line was not written from it. */
    public List<String> holes(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return null;
        }
        List<String> holes = new ArrayList<>(m.groupCount());
        for (int i = 1; i <= m.groupCount(); i++) {
            holes.add(m.group(i));
        }
        return holes;
    }

    @Override
    public String toString() {
        return template;
    }
}
