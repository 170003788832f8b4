package org.fraudstats.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements under the repository's sql/ folder, read from the classpath where the build puts them.
 * Keeping SQL in files lets a statistician read each 统计口径 where it is computed.
 */
public final class SqlFiles {

    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlFiles() {
    }

    /** @param path relative to sql/, e.g. "metrics/area-figures.sql" */
    public static String load(String path) {
        return CACHE.computeIfAbsent(path, SqlFiles::read);
    }

    private static String read(String path) {
        String resource = "sql/" + path;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL file " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("empty SQL file " + resource);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }
}
