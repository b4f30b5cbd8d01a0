package org.accessledger.identity.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an HR event in canonical form: its type and command as JSON with properties and map keys sorted, so the
 * same event sent again, in any field order or spelling of the request, has the same fingerprint.
 */
final class HrEventFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private HrEventFingerprint() {
    }

    static String of(HrEvent event) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(new Object[]{event.type(), event.command().getClass().getSimpleName(), event.command()})
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint HR event " + event.command().hrEventId(), e);
        }
    }
}
