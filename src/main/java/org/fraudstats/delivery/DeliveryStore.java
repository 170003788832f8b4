package org.fraudstats.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table delivery: one row per mail to send, its state, attempts, last error, Message-ID and time sent. */
@Repository
class DeliveryStore {

    /** A delivery being sent (claimed: its row is locked by this transaction). */
    record Claimed(long id, String list, String name, String email, String product, LocalDate from, LocalDate to,
                   int revision, int copy, String outFolder, String changes, int attempts, String messageId, Instant recordedAt,
                   String figures, Integer lastReceived, Integer supersededBy) {
    }

    record Recipient(String list, String name, String email) {
    }

    /** The last copy of each recipient's mail of a bulletin's latest mailed revision. */
    record Copy(String list, String name, String email, int revision, int lastCopy, String outFolder, String changes, String lastState) {
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;

    DeliveryStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether it was new (false when this very mail was recorded before) */
    boolean record(Recipient to, String product, LocalDate from, LocalDate toDay, int revision, int copy, String outFolder,
                   String changes, String messageId, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("list", to.list());
        p.put("name", to.name());
        p.put("email", to.email());
        p.put("product", product);
        p.put("from", from);
        p.put("to", toDay);
        p.put("revision", revision);
        p.put("copy", copy);
        p.put("outFolder", outFolder);
        p.put("changes", changes);
        p.put("messageId", messageId);
        p.put("now", time(now));
        return jdbc.update(SqlFiles.load("delivery/record-delivery.sql"), p) == 1;
    }

    List<Recipient> earlierRecipients(String product, LocalDate from, LocalDate to, int revision) {
        return jdbc.query(SqlFiles.load("delivery/earlier-recipients.sql"),
                Map.of("product", product, "from", from, "to", to, "revision", revision),
                (rs, i) -> new Recipient(rs.getString("list_name"), rs.getString("recipient_name"), rs.getString("recipient_email")));
    }

    List<Copy> latestCopies(String product, LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("delivery/bulletin-deliveries.sql"), Map.of("product", product, "from", from, "to", to),
                (rs, i) -> new Copy(rs.getString("list_name"), rs.getString("recipient_name"), rs.getString("recipient_email"),
                        rs.getInt("revision"), rs.getInt("last_copy"), rs.getString("out_folder"), rs.getString("changes"),
                        rs.getString("last_state")));
    }

    int makeDue(String product, LocalDate from, LocalDate to, Instant now, boolean failedToo) {
        return jdbc.update(SqlFiles.load("delivery/make-due.sql"), Map.of("product", product, "from", from, "to", to, "now", time(now),
                "failedToo", failedToo));
    }

    List<MailedBulletin> revisionsOfRun(long jobExecutionId) {
        List<MailedBulletin> revised = new java.util.ArrayList<>();
        jdbc.query(SqlFiles.load("delivery/revisions-of-run.sql"), Map.of("jobExecutionId", jobExecutionId),
                rs -> { mailed(rs).ifPresent(revised::add); });
        return revised;
    }

    /** A bulletin_revision row (kind, date_from, date_to, revision, changes) as mail sees it; empty if no product. */
    private static Optional<MailedBulletin> mailed(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate from = rs.getObject("date_from", LocalDate.class);
        LocalDate to = rs.getObject("date_to", LocalDate.class);
        List<String> changes = JSON.readValue(rs.getString("changes"), new tools.jackson.core.type.TypeReference<List<String>>() { });
        int revision = rs.getInt("revision");
        return MailedBulletin.product(rs.getString("kind"), from, to).map(product ->
                new MailedBulletin(product, from, to, revision, changes, List.of()));
    }

    /** A revision to record, published by a process stopped before it recorded it, and the out folder of its files. */
    record UnrecordedRevision(MailedBulletin bulletin, Path outFolder) {
    }

    /**
     * The revisions published and never recorded for mail, first publications before corrections (each sent in
     * the order of its revisions): unrecorded-first-publications.sql, then unrecorded-corrections.sql.
     */
    List<UnrecordedRevision> unrecordedRevisions(Instant now) {
        List<UnrecordedRevision> unrecorded = new java.util.ArrayList<>();
        for (String query : List.of("delivery/unrecorded-first-publications.sql", "delivery/unrecorded-corrections.sql")) {
            jdbc.query(SqlFiles.load(query), Map.of("now", time(now)), rs -> {
                Path out = Path.of(rs.getString("out_folder"));
                mailed(rs).ifPresent(bulletin -> unrecorded.add(new UnrecordedRevision(bulletin, out)));
            });
        }
        return unrecorded;
    }

    /** The latest revision of one bulletin and where its files are (null: rendered before V26); empty if never published. */
    Optional<UnrecordedRevision> latestRevision(String product, LocalDate from, LocalDate to, Path homeOut) {
        List<UnrecordedRevision> latest = new java.util.ArrayList<>();
        jdbc.query(SqlFiles.load("delivery/latest-revision.sql"), Map.of("product", product, "from", from, "to", to), rs -> {
            String folder = rs.getString("out_folder");
            mailed(rs).filter(bulletin -> bulletin.product().equals(product)).ifPresent(bulletin ->
                    latest.add(new UnrecordedRevision(bulletin, folder == null ? homeOut : Path.of(folder))));
        });
        return latest.stream().findFirst();
    }

    /** The relay a process with one mails through: this home's from now on (V39). */
    void noteRelay(String host, Instant now) {
        jdbc.update(SqlFiles.load("delivery/note-relay.sql"), Map.of("host", host, "now", time(now)));
    }

    void forgetRelay() {
        jdbc.update(SqlFiles.load("delivery/forget-relay.sql"), Map.of());
    }

    /** The relay this home mails through and since when, if any process with one ever made a pass. */
    Optional<RelayOfRecord> relayOfRecord() {
        return jdbc.query(SqlFiles.load("delivery/relay-of-record.sql"), Map.of(), (rs, i) -> new RelayOfRecord(rs.getString("host"),
                rs.getString("since"))).stream().findFirst();
    }

    /** @param since when, as Beijing time with its offset (2022-10-25T09:00:00+08:00) */
    record RelayOfRecord(String host, String since) {
    }

    List<Long> due(Instant now) {
        return jdbc.queryForList(SqlFiles.load("delivery/due.sql"), Map.of("now", time(now)), Long.class);
    }

    /** Call inside a transaction: the row stays locked until it ends; empty when another process holds it or it is done. */
    Optional<Claimed> claim(long id) {
        return jdbc.query(SqlFiles.load("delivery/claim.sql"), Map.of("id", id), (rs, i) -> new Claimed(
                rs.getLong("id"), rs.getString("list_name"), rs.getString("recipient_name"), rs.getString("recipient_email"),
                rs.getString("product"), rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class),
                rs.getInt("revision"), rs.getInt("copy"), rs.getString("out_folder"), rs.getString("changes"), rs.getInt("attempts"),
                rs.getString("message_id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("figures"),
                (Integer) rs.getObject("last_received"), (Integer) rs.getObject("superseded_by")))
                .stream().findFirst();
    }

    void markSuperseded(long id, int by) {
        jdbc.update(SqlFiles.load("delivery/mark-superseded.sql"), Map.of("id", id, "why", "superseded by revision " + by
                + ", sent or to be sent to the same address: not sent"));
    }

    void markSent(long id, Instant now) {
        jdbc.update(SqlFiles.load("delivery/mark-sent.sql"), Map.of("id", id, "now", time(now)));
    }

    void markAttemptFailed(long id, String error, Instant next, boolean givenUp) {
        jdbc.update(SqlFiles.load("delivery/mark-attempt-failed.sql"), Map.of("id", id, "error", error,
                "next", time(next), "state", givenUp ? "failed" : "pending"));
    }

    long failedCount() {
        Long n = jdbc.getJdbcTemplate().queryForObject(SqlFiles.load("delivery/count-failed.sql"), Long.class);
        return n == null ? 0 : n;
    }

    List<Deliveries.Row> list(LocalDate from, LocalDate to, boolean failedOnly) {
        return rows("delivery/list-deliveries.sql", Map.of("from", from, "to", to, "failedOnly", failedOnly));
    }

    List<Deliveries.Row> undelivered(LocalDate from, LocalDate to) {
        return rows("delivery/list-undelivered.sql", Map.of("from", from, "to", to));
    }

    private List<Deliveries.Row> rows(String sql, Map<String, Object> parameters) {
        return jdbc.query(SqlFiles.load(sql), parameters,
                (rs, i) -> new Deliveries.Row(rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class), rs.getString("product"), rs.getInt("revision"),
                        rs.getString("list_name"), rs.getString("recipient_email"), rs.getString("state"), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString("message_id"), rs.getString("last_error")));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
