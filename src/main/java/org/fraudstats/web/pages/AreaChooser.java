package org.fraudstats.web.pages;

import java.util.ArrayList;
import java.util.List;

import org.fraudstats.catalog.Catalog;

/** The area chooser of the figures and headline pages: the city (全市) first, then each district in catalogue order. */
final class AreaChooser {

    /** One option: the code sent, the name shown. */
    public record Option(String code, String name) {
    }

    private AreaChooser() {
    }

    static List<Option> options(Catalog catalog) {
        List<Option> options = new ArrayList<>();
        options.add(new Option(catalog.cityCode(), "全市"));
        for (String code : catalog.districtCodes()) {
            options.add(new Option(code, catalog.areaName(code).orElse(code)));
        }
        return options;
    }
}
