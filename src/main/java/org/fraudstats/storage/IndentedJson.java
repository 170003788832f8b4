package org.fraudstats.storage;

import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one layout of the JSON people and scripts read (`metrics`, `headline`, `rejects --format json`, the API's
 * answers, a bulletin's manifest): indented, and a name followed by {@code ": "} as in the contract's examples and
 * expected files (cli.md; Jackson's default writes {@code " : "}, so the output was equal to them as JSON but not
 * byte for byte).
 */
public final class IndentedJson {

    private IndentedJson() {
    }

    public static JsonMapper mapper() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER));
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).defaultPrettyPrinter(printer).build();
    }
}
