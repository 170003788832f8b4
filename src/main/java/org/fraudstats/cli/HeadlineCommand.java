package org.fraudstats.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Figures;
import org.fraudstats.press.Headline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "headline", mixinStandardHelpOptions = true,
        description = "Print the press sentence of press-style.md for a period, with the exact figure beside each press form.")
class HeadlineCommand implements Callable<Integer> {

    enum Format { text, json }

    enum Lang { zh, en }

    @Mixin
    Period period;

    @Option(names = "--district", paramLabel = "CODE", description = "a district (default: the city, 440600)")
    String district;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
    Format format;

    @Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en, for the text form")
    Lang lang;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    HeadlineCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        period.check(spec);
        Catalog catalog = services.get(Catalog.class);
        String area = district == null ? catalog.cityCode() : district;
        AreaOption.check(spec, catalog, area);
        AreaFigures figures = services.get(Figures.class).range(period.from, period.to).stream()
                .filter(f -> f.districtCode().equals(area)).findFirst().orElseThrow();
        Headline headline = Headline.of(figures, catalog);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(MetricsOutput.JSON.writeValueAsString(json(headline, lang == Lang.en)) + "\n");
        } else {
            out.println(lang == Lang.en ? headline.english() : headline.text());
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(Headline h, boolean english) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", h.period().from().toString());
        period.put("to", h.period().to().toString());
        period.put("name", h.period().name());
        Map<String, Object> figures = new LinkedHashMap<>();
        h.figures().forEach((key, figure) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("value", figure.value());
            f.put("press", figure.press());
            figures.put(key, f);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", period);
        json.put("district_code", h.districtCode());
        json.put("text", h.text());
        if (english) {
            json.put("english", h.english());
        }
        json.put("figures", figures);
        return json;
    }
}
