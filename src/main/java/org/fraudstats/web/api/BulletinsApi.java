package org.fraudstats.web.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.web.portal.BulletinArchive;
import org.fraudstats.web.portal.BulletinDownloads;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.OutdatedBulletin;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.PublishedBulletin;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bulletin archive and its files (web.md): leaders and statisticians. */
@RestController
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN')")
class BulletinsApi {

    private final BulletinArchive archive;
    private final BulletinDownloads downloads;
    private final PortalAudit audit;
    private final OutdatedBulletin outdatedBulletin;

    BulletinsApi(BulletinArchive archive, BulletinDownloads downloads, PortalAudit audit, OutdatedBulletin outdatedBulletin) {
        this.outdatedBulletin = outdatedBulletin;
        this.archive = archive;
        this.downloads = downloads;
        this.audit = audit;
    }

    /** Every revision, newest first; without from and to, all of them. */
    @GetMapping("/api/v1/bulletins")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KnownParameters.only();
        LocalDate[] period = from == null && to == null
                ? new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)} : Inputs.period(from, to);
        List<Map<String, Object>> bulletins = new ArrayList<>();
        List<OutdatedBulletin.Outdated> outdated = outdatedBulletin.overlapping(period[0], period[1]);
        List<PublishedBulletin> listed = archive.list(period[0], period[1]);
        Map<String, Integer> latest = new java.util.HashMap<>();
        listed.forEach(b -> latest.merge(b.kind().folder(b.from(), b.to()), b.revision(), Math::max));
        Map<String, List<LocalDate>> readDaysChanged = outdatedBulletin.readDaysChanged(listed);
        for (PublishedBulletin b : listed) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", b.period());
            json.put("kind", b.kindName());
            json.put("revision", b.revision());
            json.put("published_at", b.publishedAtText());
            json.put("pdf", url(b, BulletinPublisher.Format.pdf));
            json.put("xlsx", url(b, BulletinPublisher.Format.xlsx));
            json.put("changes", b.changes());
            // beyond web.md, what the archive page marks (r33a): the period as dates (a range's "date" is FROM_TO), the
            // 数据未到 notice it printed, and whether a load changed its days since (the next night or a rerun renders it)
            json.put("from", b.from().toString());
            json.put("to", b.to().toString());
            json.put("not_arrived", b.missingNote());
            json.put("outdated", outdated.stream().anyMatch(o -> o.is(b)));
            // and every day it reads (its year to date, its bases, its trend too) changed since, as its page names them:
            // a late case of 10-20 moves the 今年以来 of every later daily, and "outdated" said false of each (r37c M1).
            // Of an earlier revision null: the latest is the one rendered again
            String folder = b.kind().folder(b.from(), b.to());
            json.put("read_days_changed", b.revision() != latest.get(folder) ? null
                    : readDaysChanged.getOrDefault(folder, List.of()).stream().map(LocalDate::toString).toList());
            bulletins.add(json);
        }
        audit.record("list-bulletins", from == null && to == null ? "all" : period[0] + ".." + period[1], "success");
        return JsonAnswer.of(HttpStatus.OK, bulletins);
    }

    @GetMapping("/api/v1/bulletins/{date}/{file}")
    ResponseEntity<InputStreamResource> file(@PathVariable String date, @PathVariable String file,
                                  @RequestParam(required = false) String revision,
                                  @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        KnownParameters.only();
        return downloads.serve(date, file, Revisions.parse(revision), ifNoneMatch, false);
    }

    /** The file's URL with its revision, or null when that format was not rendered. */
    private String url(PublishedBulletin b, BulletinPublisher.Format format) {
        return archive.file(b, format).map(f -> "/api/v1/bulletins/" + b.filePath(format.name()) + "?revision=" + b.revision())
                .orElse(null);
    }
}
