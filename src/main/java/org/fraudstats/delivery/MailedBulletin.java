package org.fraudstats.delivery;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.Published;

/**
 * A published bulletin as mail sees it: the product lists subscribe to (daily, weekly, monthly), its period and
 * revision, what the revision changed, and its files. A range bulletin that is neither a Monday-to-Sunday week nor
 * a calendar month (a `rerun --range`) is no product and is not mailed.
 */
record MailedBulletin(String product, LocalDate from, LocalDate to, int revision, List<String> changes, List<Path> files) {

    static Optional<MailedBulletin> of(Published published) {
        String[] days = published.period().split("_");
        LocalDate from = LocalDate.parse(days[0]);
        LocalDate to = LocalDate.parse(days[days.length - 1]);
        return product(published.kind().key(), from, to).map(product ->
                new MailedBulletin(product, from, to, published.revision(), published.changes(), published.files()));
    }

    /** The same bulletin and revision, whatever the files and changes each side carries. */
    boolean sameRevision(MailedBulletin other) {
        return product.equals(other.product) && from.equals(other.from) && to.equals(other.to) && revision == other.revision;
    }

    /** daily, weekly or monthly as BulletinKind names them; a bulletin of any other period is no product. */
    static Optional<String> product(String kind, LocalDate from, LocalDate to) {
        BulletinKind of = BulletinKind.of(kind, from, to);
        return of == BulletinKind.RANGE ? Optional.empty() : Optional.of(of.publicName());
    }

    /** The folder and kind of the bulletin layout: OUT/daily/2022-10-24, OUT/range/2022-10-17_2022-10-23. */
    static String layoutKind(String product) {
        return "daily".equals(product) ? "daily" : "range";
    }

    static String layoutPeriod(String product, LocalDate from, LocalDate to) {
        return ("daily".equals(product) ? BulletinKind.DAILY : BulletinKind.RANGE).period(from, to);
    }
}
