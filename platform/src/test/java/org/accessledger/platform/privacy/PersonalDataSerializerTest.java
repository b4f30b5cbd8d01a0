package org.accessledger.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.accessledger.api.privacy.PersonalData;
import org.accessledger.api.worker.*;
import org.accessledger.platform.json.IdsJacksonModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataSerializerTest {

    static final Instant AT = Instant.parse("2026-03-02T00:00:00Z");
    static final WorkerId ADA = WorkerId.of("E1");
    static final WorkerHired HIRED = new WorkerHired(ADA, HrEventId.of("h-1"), AT, 1, LocalDate.parse("2026-03-02"),
            new PersonDetails("Ada", "Lovelace", "ada@example.com", WorkerType.EMPLOYEE, ZoneId.of("Europe/London"), null),
            new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null));

    final JacksonSerializer plain = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new IdsJacksonModule())).build();
    @TempDir
    Path keys;

    @Test
    void personalFieldsAreSealedInTheStoredBytesAndOpenAgain() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, new SecretKeySpec(new byte[32], "AES"));
        PersonalDataSerializer serializer = new PersonalDataSerializer(plain, vault);

        SerializedObject<byte[]> stored = serializer.serialize(HIRED, byte[].class);

        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Ada", "Lovelace", "ada@example.com").contains("\"workerId\":\"E1\"", "Finance", "Europe/London");
        assertThat(stored.getType()).isEqualTo(plain.serialize(HIRED, byte[].class).getType());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(HIRED);
    }

    @Test
    void afterErasureTheEventReadsWithErasedPersonalDataAndEverythingElse() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, new SecretKeySpec(new byte[32], "AES"));
        PersonalDataSerializer serializer = new PersonalDataSerializer(plain, vault);
        SerializedObject<byte[]> stored = serializer.serialize(HIRED, byte[].class);

        vault.erase("E1", AT);

        WorkerHired read = serializer.deserialize(stored);
        assertThat(read.person().givenName()).isEqualTo(PersonalData.ERASED);
        assertThat(read.person().email()).isEqualTo(PersonalData.ERASED);
        assertThat(read.person().timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(read.assignment()).isEqualTo(HIRED.assignment());
        assertThat(read.startDate()).isEqualTo(HIRED.startDate());
    }

    @Test
    void freeTextNestedInATimelineCorrectionIsSealedToo() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, new SecretKeySpec(new byte[32], "AES"));
        PersonalDataSerializer serializer = new PersonalDataSerializer(plain, vault);
        TimelineChange termination = new TimelineChange(HrEventId.of("t-1"), ChangeType.TERMINATION, AT, null, "gross misconduct");
        WorkerTimelineCorrected corrected = new WorkerTimelineCorrected(ADA, HrEventId.of("t-1"), AT, AT, null, LocalDate.parse("2026-01-05"), HIRED.assignment(),
                List.of(new TimelineStep(termination, WorkerStatus.TERMINATED, HIRED.assignment())), List.of(termination), WorkerStatus.TERMINATED, HIRED.assignment());

        SerializedObject<String> stored = serializer.serialize(corrected, String.class);

        assertThat(stored.getData()).doesNotContain("misconduct").contains("TERMINATION");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(corrected);
    }

    @Test
    void eventsWithoutPersonalDataAndEventsStoredInTheClearPassThrough() {
        PersonalDataSerializer serializer = new PersonalDataSerializer(plain, PersonalDataVault.sealing(keys, new SecretKeySpec(new byte[32], "AES")));
        WorkerStarted started = new WorkerStarted(ADA, HrEventId.of("h-1"), AT);

        assertThat(serializer.serialize(started, String.class).getData()).isEqualTo(plain.serialize(started, String.class).getData());
        assertThat((Object) serializer.deserialize(plain.serialize(HIRED, byte[].class))).as("written before sealing was switched on").isEqualTo(HIRED);
    }
}
