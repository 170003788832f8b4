package org.fraudstats.storage;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What is wrong in a YAML file, in one line naming the line and column: SnakeYAML's own message quotes the text
 * around the mark with a caret under it and names the document 'string', which on one line read as noise
 * ("in 'string', line 17, column 1: ^").
 */
public final class YamlProblem {

    private YamlProblem() {
    }

    public static String of(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark at = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext()
                    + (marked.getContextMark() == null ? "" : " that starts on line " + (marked.getContextMark().getLine() + 1)
                            + ", column " + (marked.getContextMark().getColumn() + 1)) + ")";
            return "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": " + marked.getProblem() + context;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ").strip();
    }
}
