package org.fraudstats.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/openapi.json: a hand-kept OpenAPI 3.1 description (src/main/resources/openapi/v1.json). springdoc would
 * describe the controllers' Java signatures, which here take strings and answer bytes so that the JSON is the CLI's;
 * the hand-kept file says what the contract says, and OpenApiDescriptionTest keeps it equal to the real endpoints.
 */
@RestController
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN', 'PRESS', 'ADMIN', 'AUDITOR')")
class OpenApiDocument {

    private final byte[] document;

    OpenApiDocument() {
        try (InputStream in = new ClassPathResource("openapi/v1.json").getInputStream()) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/v1.json is missing from the application", e);
        }
    }

    @GetMapping("/api/v1/openapi.json")
    ResponseEntity<byte[]> openapi() {
        KnownParameters.only();
        return ResponseEntity.ok().contentType(JsonAnswer.JSON).body(document);
    }
}
