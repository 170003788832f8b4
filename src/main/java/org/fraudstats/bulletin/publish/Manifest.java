package org.fraudstats.bulletin.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fraudstats.bulletin.Revision;
import org.fraudstats.bulletin.data.BulletinData;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * manifest.json beside a bulletin's files: each file's sha256, the period, when and by which job it was made,
 * where the data came from, and every revision with what it changed. Written atomically, like the files.
 */
final class Manifest {

    static final String FILE_NAME = "manifest.json";

    private static final JsonMapper JSON = org.fraudstats.storage.IndentedJson.mapper();

    private Manifest() {
    }

    static void write(Path folder, BulletinData data, List<Revision> revisions, ZonedDateTime generatedAt) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("kind", data.kind().key());
        // "range" is the folder's: a script reading manifests could not tell a 周报 or 月报 from a 区间, which
        // `revisions` and the API name (tester 31c)
        manifest.put("bulletin", data.kind().publicName());
        // LinkedHashMap, not Map.of, whose order changes from one JVM to the next: the same bulletin, the same bytes
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", data.from().toString());
        period.put("to", data.to().toString());
        manifest.put("period", period);
        manifest.put("generated_at", generatedAt.toOffsetDateTime().toString());
        manifest.put("job_execution_id", data.provenance().jobExecutionId());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("latest_drop", data.provenance().latestDrop().toString());
        provenance.put("rows_loaded", data.provenance().rowsLoaded());
        provenance.put("rows_rejected", data.provenance().rowsRejected());
        provenance.put("rows_pending", data.provenance().rowsPending());
        manifest.put("provenance", provenance);
        List<Map<String, Object>> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("fraudstats-") && (name.endsWith(".pdf") || name.endsWith(".xlsx"))) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", name);
                    entry.put("sha256", sha256(file));
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        manifest.put("files", files);
        List<Map<String, Object>> revs = new ArrayList<>();
        for (Revision r : revisions) {
            Map<String, Object> rev = new LinkedHashMap<>();
            rev.put("revision", r.revision());
            rev.put("generated_at", r.generatedAtInBeijing().toString());
            rev.put("job_execution_id", r.jobExecutionId());
            rev.put("changes", JSON.readValue(r.changesJson(), List.class));
            revs.add(rev);
        }
        manifest.put("revisions", revs);
        try {
            byte[] json = (JSON.writeValueAsString(manifest) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            AtomicFiles.write(folder.resolve(FILE_NAME), out -> out.write(json));
        } catch (IOException e) {
            throw new org.fraudstats.storage.CannotWrite(folder.resolve(FILE_NAME), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
