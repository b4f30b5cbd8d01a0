package org.accessledger.benchmark;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationTest {

    private final Population population = Population.generate(42, 5_000);

    @Test
    void theSameSeedGivesTheSameEvents() {
        Population again = Population.generate(42, 5_000);

        assertThat(again.hires().toString()).isEqualTo(population.hires().toString());
        assertThat(again.year().toString()).isEqualTo(population.year().toString());
    }

    @Test
    void aboutOneWorkerInSevenIsAContractorWithAnEndDate() {
        List<Population.Dated> contractors = population.hires().stream()
                .filter(hire -> hire.event().at("/worker/workerType").asText().equals("CONTRACTOR")).toList();

        assertThat(contractors.size()).isBetween(600, 900);
        assertThat(contractors).allSatisfy(hire -> assertThat(hire.event().at("/worker/endDate").isTextual()).isTrue());
    }

    @Test
    void fiftyVeteransHaveCareersOfMoreThanAHundredChanges() {
        Map<String, Integer> changes = new HashMap<>();
        population.year().forEach(dated -> changes.merge(dated.workerId(), 1, Integer::sum));

        List<String> veterans = changes.entrySet().stream().filter(entry -> entry.getValue() > 100).map(Map.Entry::getKey).toList();
        assertThat(veterans).hasSize(50);
        assertThat(population.hires()).filteredOn(hire -> veterans.contains(hire.workerId()))
                .allSatisfy(hire -> assertThat(hire.date()).isEqualTo(LocalDate.of(2017, 1, 2)));
    }

    @Test
    void eachWorkersChangesComeInEffectiveOrderAfterTheHire() {
        Map<String, LocalDate> latest = new HashMap<>();
        population.hires().forEach(hire -> latest.put(hire.workerId(), hire.date()));

        for (Population.Dated change : population.year()) {
            assertThat(change.date()).as(change.event().toString()).isAfterOrEqualTo(latest.get(change.workerId()));
            latest.put(change.workerId(), change.date());
        }
    }

    @Test
    void everyHrEventIdIsUnique() {
        List<String> ids = java.util.stream.Stream.concat(population.hires().stream(), population.year().stream())
                .map(dated -> dated.event().get("hrEventId").asText()).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }
}
