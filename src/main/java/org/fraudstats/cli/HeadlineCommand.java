package org.fraudstats.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.press.Headline;
import org.fraudstats.press.Headlines;
import org.fraudstats.press.Topic;
import org.fraudstats.settings.BusinessTime;
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

    @Option(names = "--district", paramLabel = "CODE", description = "a district (default: the city, by its code in the catalogue)")
    String district;

    @Option(names = "--topic", defaultValue = "handling", converter = TopicConverter.class, completionCandidates = Topics.class,
            description = "handling (default: cases, stopped accounts and money, refunds) or prevention (warnings, face-to-face dissuasions)")
    Topic topic;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
    Format format;

    @Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en: the text form in that language; JSON keeps the Chinese text and adds the English as \"english\"")
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
        AreaOption.check(spec, catalog, area, "the city");
        Headline headline = services.get(Headlines.class).of(period.from, period.to, area, topic);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(Headlines.json(headline.json(lang == Lang.en)));
        } else {
            out.println(lang == Lang.en ? headline.english() : headline.text());
        }
        out.flush();
        // cli.md's figures of whatever was loaded, as ever; but a period beginning before the records is told that these
        // are not the centre's figures: "2021年以来…908宗" of three months, "9月以来…0宗" of a month with no records, where
        // the portal's headline refuses both (tester); of a deployment without fraudstats.records-start, before the first
        // day loaded ("2020年以来…0宗" said nothing, r36b L1); of an empty database, said as the portal says it
        var firstDayLoaded = services.get(org.fraudstats.bulletin.FirstDayLoaded.class);
        java.util.Optional<LocalDate> first = firstDayLoaded.get();
        if (first.isEmpty()) {
            spec.commandLine().getErr().printf("fraudstats headline: warning: nothing has been loaded yet: these zeros are no "
                    + "record of the centre's, and the portal's headline refuses this period%n");
        } else if (period.from.isBefore(first.get())) {
            spec.commandLine().getErr().printf("fraudstats headline: warning: %s: the figures of the days before it are no record "
                    + "of the centre's, and the portal's headline refuses this period; ask from %s%n", firstDayLoaded.said(first.get()), first.get());
        }
        // a day not over is said as such, not as late: "2026-03-31 and 306 more days has not arrived" counted the rest of
        // the year to come (r38b)
        LocalDate today = BusinessTime.today(services.get(Clock.class));
        if (!period.to.isBefore(today)) {
            LocalDate notOver = period.from.isAfter(today) ? period.from : today;
            spec.commandLine().getErr().printf("fraudstats headline: warning: the period runs past yesterday (today is %s in "
                    + "Asia/Shanghai): its days from %s on are not over, so their data cannot have come yet, and the portal's "
                    + "headline refuses this period until the daily of %s is published%n", today, notOver, period.to);
        }
        // and a period holding a day whose data has not arrived: its figures are short of that day, and the portal's and the
        // API's headline refuse it (409), where this printed it without a word (tester 31c)
        List<LocalDate> notArrived = first.isEmpty() || !period.from.isBefore(today) ? List.of()
                : services.get(org.fraudstats.bulletin.MissingData.class).daysNotArrived(period.from,
                        period.to.isBefore(today) ? period.to : today.minusDays(1));
        if (!notArrived.isEmpty()) {
            spec.commandLine().getErr().printf("fraudstats headline: warning: the data of %s has not arrived (数据未到): the figures "
                    + "are short of it, and the portal's headline refuses this period until it comes%n", BusinessTime.daysNamed(notArrived));
        }
        return 0;
    }

    /** The topic's key as cli.md spells it; picocli turns the exception into a usage error naming --topic. */
    static final class TopicConverter implements CommandLine.ITypeConverter<Topic> {
        @Override
        public Topic convert(String value) {
            return Topic.ofKey(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a topic (handling or prevention)"));
        }
    }

    /** For shell completion and --help, the keys rather than the enum's constant names. */
    static final class Topics implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Topic.values()).map(Topic::key).iterator();
        }
    }
}
