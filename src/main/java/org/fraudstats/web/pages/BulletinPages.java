package org.fraudstats.web.pages;

import java.time.LocalDate;
import java.util.List;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.KeyFigures;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.BulletinArchive;
import org.fraudstats.web.portal.BulletinDownloads;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.NotFound;
import org.fraudstats.web.portal.OutdatedBulletin;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.PublishedBulletin;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The bulletin archive, a bulletin's page with its PDF inline, and its files for the signed-in browser. */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN')")
class BulletinPages {

    private final BulletinArchive archive;
    private final BulletinDownloads downloads;
    private final PortalAudit audit;
    private final OutdatedBulletin outdatedBulletin;
    private final BulletinPublisher publisher;
    private final KeyFigures keyFigures;

    BulletinPages(BulletinArchive archive, BulletinDownloads downloads, PortalAudit audit, OutdatedBulletin outdatedBulletin,
                  BulletinPublisher publisher, KeyFigures keyFigures) {
        this.outdatedBulletin = outdatedBulletin;
        this.publisher = publisher;
        this.keyFigures = keyFigures;
        this.archive = archive;
        this.downloads = downloads;
        this.audit = audit;
    }

    /** Rows of the archive on one page: two months of dailies with their weeklies, a monthly and some corrections. */
    static final int ARCHIVE_PAGE = 100;
    private static final java.util.Set<String> ARCHIVE_KINDS = java.util.Set.of("daily", "weekly", "monthly", "range");

    @GetMapping("/bulletins")
    String archive(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String page,
                   @RequestParam(required = false) String latest, Model model, jakarta.servlet.http.HttpServletResponse response) {
        try {
            return listed(from, to, kind, page, latest, model);
        } catch (BadInput refused) {
            model.addAttribute("from", Inputs.dateOrEmpty(from));
            model.addAttribute("to", Inputs.dateOrEmpty(to));
            model.addAttribute("kind", kind != null && ARCHIVE_KINDS.contains(kind) ? kind : "");
            model.addAttribute("latest", "1".equals(latest) ? "1" : "");
            return RefusedForm.show("bulletins", refused, model, response);
        }
    }

    private String listed(String from, String to, String kind, String page, String latest, Model model) {
        boolean noFrom = from == null || from.isEmpty();
        boolean noTo = to == null || to.isEmpty();
        boolean all = noFrom && noTo;
        // one end alone is open at the other: 起 2026-11-01 alone was a 400 on a phone (tester)
        Inputs.Checks checks = new Inputs.Checks();
        LocalDate[] period = checks.of(() -> all ? new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)}
                : noFrom ? new LocalDate[] {LocalDate.of(1, 1, 1), Inputs.date("to", to)}
                : noTo ? new LocalDate[] {Inputs.date("from", from), LocalDate.of(9999, 12, 31)} : Inputs.period(from, to));
        // one kind only: a leader after the latest 月报 scrolled past a month of dailies on a phone (tester)
        String onlyKind = kind == null || kind.isEmpty() ? null : kind;
        if (onlyKind != null && !ARCHIVE_KINDS.contains(onlyKind)) {
            checks.refuse(new BadInput("kind: " + Inputs.printable(onlyKind) + " is not daily, weekly, monthly or range",
                    "类别 " + Inputs.printable(onlyKind) + " 不可用：请选日报、周报、月报或区间").on("kind"));
        }
        checks.done();
        List<PublishedBulletin> listed = archive.list(period[0], period[1]).stream()
                .filter(b -> onlyKind == null || b.kindName().equals(onlyKind)).toList();
        // each bulletin's latest revision alone, when asked: after three years the 月报 were 110 rows for 35 months
        boolean latestOnly = "1".equals(latest);
        java.util.Map<String, Integer> newest = new java.util.HashMap<>();
        listed.forEach(b -> newest.merge(b.period() + "/" + b.kindName(), b.revision(), Math::max));
        List<PublishedBulletin> bulletins = latestOnly
                ? listed.stream().filter(b -> newest.get(b.period() + "/" + b.kindName()) == b.revision()).toList() : listed;
        // a page of rows at a time: after three years the whole archive was 1,469 rows and 1.3 MB, 2 s to a phone (tester)
        int pages = Math.max(1, (bulletins.size() + ARCHIVE_PAGE - 1) / ARCHIVE_PAGE);
        int shown = Inputs.page(page, pages);
        List<PublishedBulletin> rows = bulletins.subList((shown - 1) * ARCHIVE_PAGE, Math.min(bulletins.size(), shown * ARCHIVE_PAGE));
        model.addAttribute("bulletins", rows);
        model.addAttribute("total", bulletins.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        // a revision with a later one listed is marked 已更正: the first revision looked as current as any (tester)
        model.addAttribute("superseded", bulletins.stream()
                .filter(b -> newest.get(b.period() + "/" + b.kindName()) > b.revision()).collect(java.util.stream.Collectors.toSet()));
        // and a latest revision whose own days a load changed since: the next night (or a rerun) renders it again, a
        // revision if a figure moved, and a statistician sees which without opening each (tester)
        List<OutdatedBulletin.Outdated> outdated = outdatedBulletin.overlapping(period[0], period[1]);
        java.util.Set<PublishedBulletin> outdatedRows = rows.stream().filter(b -> outdated.stream().anyMatch(o -> o.is(b)))
                .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("outdated", outdatedRows);
        // the files this page's rows have, as the API lists them (null there): a pdf-only revision showed an Excel link
        // answering 404 (retester)
        model.addAttribute("withoutPdf", rows.stream().filter(b -> archive.file(b, BulletinPublisher.Format.pdf).isEmpty())
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("withoutXlsx", rows.stream().filter(b -> archive.file(b, BulletinPublisher.Format.xlsx).isEmpty())
                .collect(java.util.stream.Collectors.toSet()));
        // the legend of 数据有更新 under the form, when a row of this page has it
        model.addAttribute("outdatedShown", !outdatedRows.isEmpty());
        model.addAttribute("from", noFrom ? "" : period[0].toString());
        model.addAttribute("to", noTo ? "" : period[1].toString());
        model.addAttribute("kind", onlyKind == null ? "" : onlyKind);
        model.addAttribute("latest", latestOnly ? "1" : "");
        // as the API's listing is: who looked through the archive, and over which period
        audit.record("list-bulletins", (all ? "all" : period[0] + ".." + period[1]) + (onlyKind == null ? "" : " " + onlyKind)
                + (latestOnly ? " latest" : ""),
                "success");
        return "bulletins";
    }

    @GetMapping("/bulletins/latest")
    String latest(Model model) {
        return archive.latestDaily().map(b -> page(b, model)).orElseGet(() -> {
            model.addAttribute("bulletin", null);
            return "bulletin";
        });
    }

    @GetMapping("/bulletins/{period}/{kind}")
    String bulletin(@PathVariable String period, @PathVariable String kind, @RequestParam(required = false) String revision,
                    Model model) {
        Integer wanted = revision == null || revision.isEmpty() ? null : revisionNumber(revision);
        PublishedBulletin b = archive.find(period, kind, wanted).orElseThrow(() -> new NotFound("no " + Inputs.printable(kind) + " bulletin of " + Inputs.printable(period),
                BulletinArchive.noSuchBulletin(period, kind, wanted)));
        return page(b, model);
    }

    @GetMapping("/files/bulletins/{period}/{file}")
    ResponseEntity<InputStreamResource> file(@PathVariable String period, @PathVariable String file, @RequestParam(required = false) String revision,
                                  @RequestParam(required = false) String inline,
                                  @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return downloads.serve(period, file, revision == null ? null : revisionNumber(revision), ifNoneMatch, "1".equals(inline));
    }

    private String page(PublishedBulletin b, Model model) {
        model.addAttribute("bulletin", b);
        List<PublishedBulletin> revisions = archive.revisions(b.period(), b.kindName());
        model.addAttribute("revisions", revisions);
        // an older revision, opened from the mail that carried it, says that it was corrected and by which; the
        // latest says when a load has changed its period since (tester: the first revision looked current, and the
        // latest showed 5 cases beside 统计数据's 6 with nothing saying why)
        PublishedBulletin latest = revisions.stream().max(java.util.Comparator.comparingInt(PublishedBulletin::revision)).orElse(b);
        model.addAttribute("latest", latest.revision() > b.revision() ? latest : null);
        boolean current = latest.revision() == b.revision();
        var outdatedBy = current ? outdatedBulletin.of(b.kind(), b.from(), b.to()) : java.util.Optional.<OutdatedBulletin.Outdated>empty();
        boolean outdated = outdatedBy.isPresent();
        model.addAttribute("outdated", outdated);
        model.addAttribute("arrivedOnly", outdatedBy.map(OutdatedBulletin.Outdated::arrivedOnly).orElse(false));
        // its own days unchanged, but days it reads moved (a late case of an earlier day in its 今年以来): no night
        // revises it, so it said nothing while the headline of its year to date waited (tester)
        List<LocalDate> readDays = current && !outdated ? outdatedBulletin.readDaysChanged(b.kind(), b.from(), b.to()) : List.of();
        model.addAttribute("readDaysChanged", readDays.isEmpty() ? null : org.fraudstats.bulletin.RevisionChanges.named(readDays));
        // what it says first, as text, the lines of its mail from this revision's own figures: on a phone the PDF
        // inside the page often shows blank, and a screen reader finds no structure in the PDF (untagged)
        model.addAttribute("key", publisher.printed(b.kind(), b.from(), b.to(), b.revision())
                .flatMap(printed -> keyFigures.asPrinted(b.kind() == BulletinKind.DAILY, b.from(), b.to(), printed)).orElse(null));
        model.addAttribute("pdf", archive.file(b, BulletinPublisher.Format.pdf).isPresent());
        model.addAttribute("xlsx", archive.file(b, BulletinPublisher.Format.xlsx).isPresent());
        audit.record("view-bulletin", b.period() + " " + b.kindName() + " r" + b.revision(), "success");
        return "bulletin";
    }

    private static int revisionNumber(String revision) {
        if (!revision.matches("[1-9][0-9]{0,5}")) {
            throw new org.fraudstats.web.portal.BadInput("修订号应为正整数：" + Inputs.printable(revision));
        }
        return Integer.parseInt(revision);
    }
}
