package org.fraudstats.web.portal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fraudstats.bulletin.BulletinPublisher;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A bulletin's file as the API and the pages serve it: byte for byte the file on disk, its sha256 in quotes as the
 * ETag, 304 when the client already has it. The URL names a period, a kind and an extension, each checked against
 * a pattern before anything is looked up; the file's path comes from the archive, never from the URL.
 */
@Component
public class BulletinDownloads {

    /** The result of a PDF shown in the bulletin's page (AuditWords: 页面内显示). */
    public static final String SHOWN_INLINE = "shown inline";
    /** A HEAD, answered with the file's headers only: no copy left the server. */
    static final String HEAD_ONLY = "head only";

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(_\\d{4}-\\d{2}-\\d{2})?");
    private static final Pattern FILE = Pattern.compile("(daily|weekly|monthly|range)\\.(pdf|xlsx)");
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final BulletinArchive archive;
    private final PortalAudit audit;

    BulletinDownloads(BulletinArchive archive, PortalAudit audit) {
        this.archive = archive;
        this.audit = audit;
    }

    /**
     * @param inline whether a browser should show it in the page (the bulletin page's PDF) rather than save it
     * @throws BadInput for a period or file name that is not one a bulletin can have
     * @throws NotFound when no such bulletin, revision or file exists
     * @return typed InputStreamResource, not Resource: Spring MVC sets {@code Accept-Ranges: bytes} on an answer of a
     *         Resource type without a body, the 304, which then claimed what the 200 refuses (r33f)
     */
    public ResponseEntity<InputStreamResource> serve(String period, String fileName, Integer revision, String ifNoneMatch, boolean inline) {
        if (!PERIOD.matcher(period).matches()) {
            // 20221024 is a date written without its dashes: shown with its ISO form, as a date parameter's is (tester B)
            java.util.Optional<String> iso = org.fraudstats.settings.BusinessTime.isoFormOf(period);
            if (iso.isPresent()) {
                throw new BadInput("'" + period + "' is not a bulletin's date (an ISO date: " + iso.get() + ")");
            }
            // a range of two such dates, 20221001_20221031: its ISO form too, where it was masked as '…' (tester)
            String[] ends = period.split("_", -1);
            if (ends.length == 2) {
                java.util.Optional<String> from = org.fraudstats.settings.BusinessTime.isoFormOf(ends[0]);
                java.util.Optional<String> to = org.fraudstats.settings.BusinessTime.isoFormOf(ends[1]);
                if (from.isPresent() && to.isPresent()) {
                    // not echoed: its 16 digits around the '_' read as an account number to the masking downstream
                    throw new BadInput("not a bulletin's period: its dates are written with dashes, " + from.get() + "_" + to.get());
                }
            }
            throw new BadInput("'" + Inputs.printable(period) + "' is not a bulletin's date (2022-10-23, or 2022-10-01_2022-10-31 for a range)");
        }
        Matcher file = FILE.matcher(fileName);
        if (!file.matches()) {
            throw new BadInput("'" + Inputs.printable(fileName) + "' is not a bulletin file (daily|weekly|monthly|range followed by .pdf or .xlsx)",
                    "“" + Inputs.printable(fileName) + "”不是通报文件（应为 daily、weekly、monthly 或 range 加 .pdf 或 .xlsx）");
        }
        if (revision != null && revision < 1) {
            throw new BadInput("revision must be 1 or more");
        }
        if (file.group(1).equals("daily") && period.length() > 10) {
            // a daily's address names its day; 2022-10-24_2022-10-24 served it under a second address (r39d)
            throw new BadInput("a daily bulletin is named by its day (" + period.substring(0, 10) + "), not by a period",
                    "日报以日期命名（" + period.substring(0, 10) + "），不是区间");
        }
        Inputs.date("date", period.substring(0, 10));
        if (period.length() > 10) {
            Inputs.period(period.substring(0, 10), period.substring(11));
        }
        BulletinPublisher.Format format = BulletinPublisher.Format.valueOf(file.group(2));
        PublishedBulletin bulletin = archive.find(period, file.group(1), revision).orElseThrow(() -> new NotFound(
                "no " + file.group(1) + " bulletin of " + period + (revision == null ? "" : " revision " + revision),
                BulletinArchive.noSuchBulletin(period, file.group(1), revision)));
        Optional<Path> found = archive.file(bulletin, format);
        if (found.isEmpty()) {
            throw new NotFound("the " + format + " of the " + file.group(1) + " bulletin of " + period + " revision "
                    + bulletin.revision() + " is not on the server (not rendered in that format, or its file since moved or deleted): "
                    + "a rerun of that period writes it", "这期通报（" + bulletin.documentName() + " "
                    + bulletin.periodDisplay() + " 第" + bulletin.revision() + "版）的 " + (format == BulletinPublisher.Format.pdf ? "PDF" : "Excel")
                    + " 文件不在服务器上（未生成该格式，或文件已被移走、删除）；请统计人员重新生成这一期");
        }
        // shown in the page's frame: a PDF asked with inline=1, as the page asks it; a workbook is never shown there, and
        // inline=0 was served and audited as shown (retest 31)
        inline = inline && format == BulletinPublisher.Format.pdf;
        Path path = found.get();
        String etag = "\"" + BulletinArchive.sha256(path) + "\"";
        String object = path.getFileName().toString();
        // weakly, as Spring MVC compares after us: a W/"…" it answered 304 itself, audited here as a download sent (review 33e)
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals))) {
            audit.record("download", object, "not-modified");
            // the headers a 200 would carry that RFC 9110 (15.4.5) asks a 304 to repeat, and the ranges it refuses
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.ACCEPT_RANGES, "none").build();
        }
        // the bulletin's own page shows its PDF in a frame at each view: told apart from the 下载 button, an auditor
        // asked who took a copy listed every leader who opened the start page (review 31)
        boolean head = isHead();
        audit.record("download", object, head ? "success: " + HEAD_ONLY : inline ? "success: " + SHOWN_INLINE : "success");
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(object).build();
        return ResponseEntity.ok()
                .eTag(etag)
                .contentType(format == BulletinPublisher.Format.pdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                // not kept by the browser: a leader's phone is shared, and an embargoed bulletin stayed in its disk
                // cache after sign-out (a script's If-None-Match still gets 304: it sends the ETag itself)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                // whole or nothing: Spring MVC answered a Range it could not satisfy 416 with the whole file as its body,
                // and a part audited as such could be the whole file (review 33d); a bulletin is a few hundred KB, and a
                // copy taken is a copy audited. An InputStreamResource is served without Spring's ranges.
                .header(HttpHeaders.ACCEPT_RANGES, "none")
                .contentLength(size(path))
                // opened when written, not before: a 304 Spring MVC answers itself writes nothing, and a stream opened
                // for it stayed open until a garbage collection (review 33e)
                .body(new InputStreamResource(() -> open(path)));
    }

    /**
     * Whether the request is a HEAD, answered with the file's headers and no byte of it: an auditor counting who took a
     * copy counted each as a download (r33a).
     */
    private static boolean isHead() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && "HEAD".equals(attributes.getRequest().getMethod());
    }

    private static long size(Path path) {
        try {
            return java.nio.file.Files.size(path);
        } catch (java.io.IOException e) {
            throw new org.fraudstats.storage.CannotRead(path, e);
        }
    }

    private static java.io.InputStream open(Path path) {
        try {
            return java.nio.file.Files.newInputStream(path);
        } catch (java.io.IOException e) {
            throw new org.fraudstats.storage.CannotRead(path, e);
        }
    }
}
