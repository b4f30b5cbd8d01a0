package org.accessledger.identity.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.api.worker.*;
import org.accessledger.identity.schedule.FindWorkersWithDueChangesQuery;
import org.accessledger.identity.schedule.SchedulingProperties;
import org.accessledger.platform.json.IdsJacksonModule;
import org.accessledger.platform.testing.RecordingMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DueChangesTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final WorkerId GRACE = WorkerId.of("E1002");
    private static final Instant MARCH = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2027-04-01T00:00:00Z");
    private static final SchedulingProperties EVERY_MINUTE = new SchedulingProperties(Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final RecordingMongo mongo = new RecordingMongo();
    private final MongoDatabase database = mongo.database("due-changes-test");
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new IdsJacksonModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    @Test
    void aWorkerIsDueFromTheEarliestOfItsScheduledChangesUntilTheLastTakesEffect() {
        WorkerViewProjection projection = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        projection.on(hired(ADA), 0);
        projection.on(hired(GRACE), 0);
        projection.on(scheduled(ADA, "hr-2", APRIL, ChangeType.TERMINATION), 1);
        projection.on(scheduled(ADA, "hr-3", MARCH, ChangeType.LEAVE_START), 2);

        assertThat(dueAt(projection, MARCH.minusSeconds(1))).isEmpty();
        assertThat(dueAt(projection, MARCH)).containsExactly(ADA.value());

        projection.on(new LeaveStarted(ADA, HrEventId.of("hr-3"), MARCH), 3);
        assertThat(dueAt(projection, MARCH)).isEmpty();
        assertThat(dueAt(projection, APRIL)).containsExactly(ADA.value());

        projection.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), APRIL, "resigned"), 4);
        assertThat(dueAt(projection, APRIL)).isEmpty();
    }

    @Test
    void schedulesAlreadyInTheWorkerViewAreFoundWhenTheDueChangesCollectionIsNew() {
        WorkerViewProjection before = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        before.on(hired(ADA), 0);
        before.on(scheduled(ADA, "hr-2", APRIL, ChangeType.TERMINATION), 1);
        database.getCollection("worker_due_changes").drop();

        WorkerViewProjection after = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());

        assertThat(dueAt(after, APRIL)).containsExactly(ADA.value());
    }

    @Test
    void aRedeliveredEventBringsTheDueChangeInLineWithTheView() {
        WorkerViewProjection projection = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        projection.on(hired(ADA), 0);
        projection.on(scheduled(ADA, "hr-2", APRIL, ChangeType.TERMINATION), 1);
        database.getCollection("worker_due_changes").deleteMany(new Document());

        projection.on(scheduled(ADA, "hr-2", APRIL, ChangeType.TERMINATION), 1);

        assertThat(dueAt(projection, APRIL)).containsExactly(ADA.value());
    }

    /** The embedded read-model store scans a collection for any other filter; these run once per worker event. */
    @Test
    void eachEventSelectsTheWorkerViewAndItsDueEntryByIdAlone() {
        WorkerViewProjection projection = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        mongo.forgetRecorded();
        projection.on(hired(ADA), 0);
        projection.on(scheduled(ADA, "hr-2", APRIL, ChangeType.TERMINATION), 1);
        projection.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), APRIL, "resigned"), 2);

        assertThat(mongo.selectingCommands()).contains("update", "delete", "find");
        assertThat(mongo.selectionsNotByIdAlone()).isEmpty();
    }

    @Test
    void theScheduleIsNotReadAgainWhileNothingCanBeDue() {
        WorkerViewProjection projection = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        projection.on(hired(ADA), 0);
        projection.on(scheduled(ADA, "hr-2", APRIL, ChangeType.TERMINATION), 1);
        mongo.forgetRecorded();

        assertThat(dueAt(projection, MARCH)).isEmpty();
        assertThat(dueAt(projection, MARCH.plusSeconds(30))).isEmpty();
        assertThat(dueAt(projection, MARCH.plusSeconds(59))).isEmpty();
        assertThat(scheduleReads()).isEqualTo(1);

        assertThat(dueAt(projection, MARCH.plusSeconds(60))).isEmpty();
        assertThat(scheduleReads()).isEqualTo(2);
    }

    @Test
    void aChangeDueWithinTheRescanIntervalIsFoundWhenItIsDue() {
        WorkerViewProjection projection = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        projection.on(hired(ADA), 0);
        projection.on(scheduled(ADA, "hr-2", MARCH.plusSeconds(20), ChangeType.TERMINATION), 1);

        assertThat(dueAt(projection, MARCH)).isEmpty();
        assertThat(dueAt(projection, MARCH.plusSeconds(19))).isEmpty();
        assertThat(dueAt(projection, MARCH.plusSeconds(20))).containsExactly(ADA.value());
    }

    @Test
    void aChangeRecordedAfterAReadForSoonerThanTheNextReadIsFoundWhenItIsDue() {
        WorkerViewProjection projection = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        projection.on(hired(ADA), 0);
        assertThat(dueAt(projection, MARCH)).isEmpty();

        projection.on(scheduled(ADA, "hr-2", MARCH.plusSeconds(5), ChangeType.LEAVE_START), 1);

        assertThat(dueAt(projection, MARCH.plusSeconds(5))).containsExactly(ADA.value());
    }

    @Test
    void aDueWorkerIsAskedForOnEveryPollUntilItsChangeIsApplied() {
        WorkerViewProjection projection = new WorkerViewProjection(database, json, EVERY_MINUTE, PersonalDataVault.disabled());
        projection.on(hired(ADA), 0);
        projection.on(scheduled(ADA, "hr-2", MARCH, ChangeType.LEAVE_START), 1);

        assertThat(dueAt(projection, MARCH)).containsExactly(ADA.value());
        assertThat(dueAt(projection, MARCH.plusSeconds(1))).containsExactly(ADA.value());

        projection.on(new LeaveStarted(ADA, HrEventId.of("hr-2"), MARCH), 2);
        assertThat(dueAt(projection, MARCH.plusSeconds(2))).isEmpty();
    }

    private long scheduleReads() {
        return mongo.selectionsNotByIdAlone().stream().filter(filter -> filter.containsKey("dueAt")).count();
    }

    private static List<String> dueAt(WorkerViewProjection projection, Instant now) {
        return projection.handle(new FindWorkersWithDueChangesQuery(now));
    }

    private static WorkerHired hired(WorkerId worker) {
        LocalDate start = LocalDate.of(2026, 1, 5);
        return new WorkerHired(worker, HrEventId.of("hr-1-" + worker.value()), start.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), 1, start,
                new PersonDetails("Ada", "Lovelace", worker.value() + "@example.com", WorkerType.EMPLOYEE, ZoneId.of("Europe/London"), null),
                new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null));
    }

    private static ChangeScheduled scheduled(WorkerId worker, String hrEventId, Instant at, ChangeType type) {
        return new ChangeScheduled(worker, HrEventId.of(hrEventId), at, type, null, null);
    }
}
