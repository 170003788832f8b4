package org.fraudstats.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.Metric;
import org.fraudstats.press.Topic;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.BulletinArchive;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.PublishedBulletin;
import org.fraudstats.web.portal.PublishedHeadline;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The headline for press officers (web.md): a period chooser, the sentence with a copy button, the exact figure beside
 * each press form and the bulletin the figures rest on; published figures only, as /api/v1/headlines.
 */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN', 'PRESS')")
class HeadlinePage {

    /** One quoted figure: its name, its press form and its exact value. */
    public record Quoted(String name, String press, String exact) {
    }

    /** A ready-made period: 本年以来, 本月以来, the day. */
    public record Choice(String label, String from, String to) {
    }

    private final PublishedHeadline headlines;
    private final BulletinArchive archive;
    private final Catalog catalog;
    private final PortalAudit audit;

    HeadlinePage(PublishedHeadline headlines, BulletinArchive archive, Catalog catalog, PortalAudit audit) {
        this.headlines = headlines;
        this.archive = archive;
        this.catalog = catalog;
        this.audit = audit;
    }

    @GetMapping("/headline")
    String headline(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String district, @RequestParam(required = false) String topic, Model model,
                    HttpServletResponse response) {
        // the period ends, unless chosen, on the newest day a daily bulletin was published for, before any days at its
        // end whose data has not arrived (the night's 数据未到 daily is published before the press office starts)
        LocalDate newest = archive.latestDaily().map(PublishedBulletin::to).orElse(null);
        LocalDate latest = newest == null ? null : headlines.lastArrived(newest);
        if (newest != null && !latest.equals(newest)) {
            model.addAttribute("waiting", (newest.minusDays(1).equals(latest) ? newest + " " : latest.plusDays(1) + " 至 " + newest + " ")
                    + "的数据未到：常用期间截至 " + latest + "；数据到达、日报发布后再取含" + (newest.minusDays(1).equals(latest) ? "该日" : "这些日子")
                    + "的数字。");
        }
        try {
            return quoted(from, to, district, topic, latest, model);
        } catch (BadInput refused) {
            model.addAttribute("from", Inputs.dateOrEmpty(from));
            model.addAttribute("to", Inputs.dateOrEmpty(to));
            model.addAttribute("district", district != null && catalog.isArea(district) ? district : catalog.cityCode());
            model.addAttribute("topic", Topic.ofKey(topic == null ? "" : topic).map(Topic::key).orElse("handling"));
            model.addAttribute("areas", AreaChooser.options(catalog));
            model.addAttribute("choices", choices(latest));
            String view = RefusedForm.show("headline", refused, model, response);
            if (refused instanceof OutsizedData) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
            return view;
        }
    }

    private String quoted(String from, String to, String district, String topic, LocalDate latest, Model model) {
        Inputs.Checks checks = new Inputs.Checks();
        LocalDate[] period = checks.of(() -> Inputs.periodOr(from, to, () -> latest == null ? null : new LocalDate[] {latest.withDayOfYear(1), latest}));
        String asked = checks.of(() -> Inputs.district(catalog, district));
        Topic chosen = checks.of(() -> Topic.ofKey(topic == null || topic.isEmpty() ? "handling" : topic)
                .orElseThrow(() -> new BadInput(topic.contains(",") ? "主题只能选一个（处置与返还，或预警与劝阻）"
                        : "主题应为“处置与返还”（handling）或“预警与劝阻”（prevention）").on("topic")));
        checks.done();
        String area = asked == null ? catalog.cityCode() : asked;
        model.addAttribute("district", area);
        model.addAttribute("topic", chosen.key());
        model.addAttribute("areas", AreaChooser.options(catalog));
        model.addAttribute("choices", choices(latest));
        if (period == null) {
            model.addAttribute("from", "");
            model.addAttribute("to", "");
            model.addAttribute("missing", "尚未发布任何日报：新闻口径只引用已发布的数据。");
            return "headline";
        }
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].toString());
        String object = period[0] + ".." + period[1] + " " + area + " " + chosen.key();
        PublishedHeadline.Answer answer;
        try {
            answer = headlines.of(period[0], period[1], area, chosen);
        } catch (org.fraudstats.metrics.RollupCheck.OutsizedAmounts outsized) {
            // recorded as the read would have been, with what it was refused for (review 31d, 31e)
            audit.record("read-headline", object, org.fraudstats.metrics.RollupCheck.OutsizedAmounts.REFUSED);
            // the press office is told what it can do, not which record of which file (the statisticians' verify says it)
            throw new OutsizedData(outsized, "该时段的数据中有 100 亿元以上的金额（可能是账号误填入了金额栏），"
                    + "暂不提供新闻口径：统计人员核实、数据提供方更正后即可引用。");
        }
        if (answer instanceof PublishedHeadline.NotPublished not) {
            audit.record("read-headline", object, not.auditResult());
            model.addAttribute("missing", not.chinese());
            return "headline";
        }
        var quoted = (PublishedHeadline.Quoted) answer;
        audit.record("read-headline", object, "success");
        var h = quoted.headline();
        List<Quoted> figures = new ArrayList<>();
        h.figures().forEach((key, figure) -> figures.add(new Quoted(name(key), figure.press(), exact(key, figure.value()))));
        model.addAttribute("text", h.text());
        model.addAttribute("english", h.english());
        model.addAttribute("periodName", h.period().name());
        model.addAttribute("figures", figures);
        model.addAttribute("bulletin", quoted.bulletin());
        model.addAttribute("corrected", quoted.corrected().orElse(null));
        model.addAttribute("correctedDays", quoted.correctedDaysSaid());
        return "headline";
    }

    private static List<Choice> choices(LocalDate latest) {
        return latest == null ? List.of() : List.of(
                new Choice("本年以来", latest.withDayOfYear(1).toString(), latest.toString()),
                new Choice("本月以来", latest.withDayOfMonth(1).toString(), latest.toString()),
                new Choice("当日", latest.toString(), latest.toString()));
    }

    private static String name(String key) {
        for (Metric m : Metric.values()) {
            if (m.key().equals(key)) {
                return m.chineseName();
            }
        }
        return key;
    }

    /**
     * The exact figure as the bulletin's table writes it (metrics.Printed: 410,352,000.00 元, 17,345): a press officer
     * checking 4.1亿多元 against 410352000.00 counted digits (tester).
     */
    private static String exact(String key, Object value) {
        if (value instanceof String money) {
            return org.fraudstats.metrics.Printed.money(new java.math.BigDecimal(money)) + " 元";
        }
        return value instanceof Number n ? org.fraudstats.metrics.Printed.count(n.longValue()) : String.valueOf(value);
    }
}
