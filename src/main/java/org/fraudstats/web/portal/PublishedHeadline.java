package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.press.Headline;
import org.fraudstats.press.Headlines;
import org.fraudstats.press.Topic;
import org.springframework.stereotype.Service;

/**
 * The headline press officers may quote (web.md): only figures a published bulletin already carries, so the headline
 * of a period is given only once a daily bulletin of its last day, or of a later day, has been published, and it names
 * that bulletin.
 */
@Service
public class PublishedHeadline {

    /** The headline and the bulletin it rests on. */
    public record Quoted(Headline headline, PublishedBulletin bulletin) {

        /** `headline --format json` plus "bulletin": {"date", "revision", "published_at"}, as the API prints it. */
        public String json(boolean withEnglish) {
            Map<String, Object> json = new LinkedHashMap<>(headline.json(withEnglish));
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("date", bulletin.period());
            b.put("revision", bulletin.revision());
            b.put("published_at", bulletin.publishedAtText());
            json.put("bulletin", b);
            return Headlines.json(json);
        }
    }

    private final Headlines headlines;
    private final BulletinArchive archive;

    PublishedHeadline(Headlines headlines, BulletinArchive archive) {
        this.headlines = headlines;
        this.archive = archive;
    }

    /** Empty when no daily bulletin of {@code to} or later has been published yet. */
    public Optional<Quoted> of(LocalDate from, LocalDate to, String area, Topic topic) {
        return bulletin(to).map(b -> new Quoted(headlines.of(from, to, area, topic), b));
    }

    /** The latest published daily bulletin whose date is on or after {@code to}: the newest publication, then the latest day. */
    public Optional<PublishedBulletin> bulletin(LocalDate to) {
        return archive.list(to, LocalDate.of(9999, 12, 31)).stream()
                .filter(b -> b.kind() == BulletinKind.DAILY && !b.from().isBefore(to))
                .max(Comparator.comparing(PublishedBulletin::publishedAt).thenComparing(PublishedBulletin::from)
                        .thenComparing(PublishedBulletin::revision));
    }
}
