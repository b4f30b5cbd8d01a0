package org.accessledger.standalone.feed;

import org.accessledger.identity.snapshot.WorkerSnapshot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotReaderTest {

    static final String HEADER = "workerId,givenName,familyName,email,workerType,timeZone,startDate,endDate,department,jobCode,location,costCenter,managerId,terminationDate,terminationReason\n";

    @Test
    void readsEachRowAsAWorkerWithTheLineItStandsOn() throws IOException {
        List<SnapshotReader.Read> reads = readAll(HEADER
                + "E1,Ann,Lee,ann@example.com,EMPLOYEE,Europe/London,2026-01-05,,Sales,SALES-REP,London,CC-1,,,\n"
                + "\n"
                + "\"E2\",\"Bo, Jr.\",Ng,bo@example.com,CONTRACTOR,Europe/Paris,2026-02-01,2026-12-31,Finance,FIN-ANALYST,Paris,CC-2,E1,2026-11-30,\"end of project\"\n",
                SnapshotLayout.of(Map.of()));

        assertThat(reads).extracting(SnapshotReader.Read::line).containsExactly(2L, 4L);
        WorkerSnapshot second = reads.get(1).row();
        assertThat(second.givenName()).isEqualTo("Bo, Jr.");
        assertThat(second.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(second.assignment()).isEqualTo(new WorkerSnapshot.Assignment("Finance", "FIN-ANALYST", "Paris", "CC-2", "E1"));
        assertThat(second.terminationReason()).isEqualTo("end of project");
        assertThat(reads.get(0).row().assignment().managerId()).isNull();
    }

    @Test
    void aMalformedRowIsNamedByItsLineAndEveryFaultAndTheNextRowsAreStillRead() throws IOException {
        List<SnapshotReader.Read> reads = readAll(HEADER
                + "bad id,Ann,,ann@example.com,BOSS,+05:30,2026-13-01,,Sales,SALES-REP,London,CC-1,,,\n"
                + "E3,Cy,Do,cy@example.com,EMPLOYEE,Europe/London,2026-01-05,,Sales,SALES-REP,London\n"
                + "E4,Di,Ek,di@example.com,CONTRACTOR,Europe/London,2026-01-05,,Sales,SALES-REP,London,CC-1,,,\n"
                + "E5,Ed,Fo,ed@example.com,EMPLOYEE,Europe/London,2026-01-05,,Sales,SALES-REP,London,CC-1,,,\n",
                SnapshotLayout.of(Map.of()));

        assertThat(reads).extracting(SnapshotReader.Read::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(reads.get(0).problem()).contains("workerId must be", "familyName is required", "workerType must be one of",
                "timeZone must be an IANA name", "startDate must be a date");
        assertThat(reads.get(1).problem()).isEqualTo("has 11 columns where the header row has 15");
        assertThat(reads.get(2).problem()).isEqualTo("endDate is required for a CONTRACTOR");
        assertThat(reads.get(3).row().workerId()).isEqualTo("E5");
    }

    @Test
    void aLayoutRenamesColumnsAndAFileWithoutARequiredColumnIsRefusedWhole() throws IOException {
        SnapshotLayout layout = SnapshotLayout.of(Map.of("workerId", "Employee ID", "costCenter", "Cost Centre"));
        String renamed = HEADER.replace("workerId", "Employee ID").replace("costCenter", "Cost Centre")
                + "E1,Ann,Lee,ann@example.com,EMPLOYEE,Europe/London,2026-01-05,,Sales,SALES-REP,London,CC-1,,,\n";

        assertThat(readAll(renamed, layout).get(0).row().assignment().costCenter()).isEqualTo("CC-1");
        assertThatThrownBy(() -> readAll(HEADER, layout)).isInstanceOf(IOException.class)
                .hasMessageContaining("workerId (column \"Employee ID\")").hasMessageContaining("costCenter (column \"Cost Centre\")");
        assertThatThrownBy(() -> SnapshotLayout.of(Map.of("salary", "Pay"))).hasMessageContaining("no snapshot field salary");
    }

    private static List<SnapshotReader.Read> readAll(String csv, SnapshotLayout layout) throws IOException {
        List<SnapshotReader.Read> reads = new ArrayList<>();
        try (SnapshotReader reader = SnapshotReader.open(new StringReader(csv), layout)) {
            reader.forEachRemaining(reads::add);
        }
        return reads;
    }
}
