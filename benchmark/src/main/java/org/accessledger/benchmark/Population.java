package org.accessledger.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A synthetic, seeded HR population: departments with their job codes, locations, cost centres, managers, about 15 %
 * contractors with end dates, hired in the first half of 2025; then a year of movers, leaves and returns,
 * terminations and rehires. The same seed gives the same events.
 */
final class Population {

    record Dated(LocalDate date, String workerId, ObjectNode event) {
    }

    private static final String[][] DEPARTMENTS = {
            {"Finance", "FIN-ANALYST", "FIN-PAYROLL", "FIN-CONTROLLER"},
            {"Sales", "SALES-REP", "SALES-MGR-1", "SALES-ENGINEER"},
            {"Engineering", "ENG-DEV", "ENG-SRE-1", "ENG-QA"},
            {"Legal", "LEGAL-COUNSEL", "LEGAL-PARALEGAL"},
            {"People", "HR-PARTNER", "HR-RECRUITER"},
            {"Operations", "OPS-ANALYST", "OPS-MANAGER"}};
    private static final String[] LOCATIONS = {"London", "Berlin", "Lisbon", "Remote", "New York"};
    private static final LocalDate HIRING_FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate YEAR_FROM = LocalDate.of(2025, 7, 1);

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final int workers;
    private final List<Dated> hires = new ArrayList<>();
    private final List<Dated> year = new ArrayList<>();
    private int eventNumber;

    private Population(long seed, int workers) {
        this.random = new Random(seed);
        this.workers = workers;
    }

    static Population generate(long seed, int workers) {
        Population population = new Population(seed, workers);
        population.generate();
        return population;
    }

    List<Dated> hires() {
        return hires;
    }

    /** A year of changes, in effective order (each worker's in its own order). */
    List<Dated> year() {
        return year;
    }

    static String workerId(int index) {
        return String.format("W%06d", index);
    }

    private void generate() {
        int managers = Math.max(1, workers / 50);
        for (int i = 0; i < workers; i++) {
            String workerId = workerId(i);
            LocalDate start = HIRING_FROM.plusDays(random.nextInt(181));
            boolean contractor = random.nextDouble() < 0.15;
            ObjectNode hire = event("HIRE", workerId).put("effectiveDate", start.toString());
            ObjectNode worker = hire.putObject("worker").put("givenName", "Given" + i).put("familyName", "Family" + i)
                    .put("email", workerId.toLowerCase() + "@example.com").put("workerType", contractor ? "CONTRACTOR" : i % 40 == 0 ? "INTERN" : "EMPLOYEE")
                    .put("timeZone", "Europe/London");
            if (contractor) {
                worker.put("endDate", LocalDate.of(2027, 1, 31).plusDays(random.nextInt(700)).toString());
            }
            assignment(hire.putObject("assignment"), i < managers ? null : workerId(random.nextInt(managers)));
            hires.add(new Dated(start, workerId, hire));
            history(workerId, i);
        }
        year.sort(Comparator.comparing(Dated::date));
    }

    private void history(String workerId, int index) {
        LocalDate date = YEAR_FROM.plusDays(random.nextInt(60));
        double roll = random.nextDouble();
        if (roll < 0.30) {
            ObjectNode move = event("ASSIGNMENT_CHANGE", workerId).put("effectiveDate", date.toString());
            String[] department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
            move.putObject("assignment").put("department", department[0]).put("jobCode", department[1 + random.nextInt(department.length - 1)]);
            year.add(new Dated(date, workerId, move));
            date = date.plusDays(30 + random.nextInt(60));
        }
        if (random.nextDouble() < 0.10) {
            year.add(new Dated(date, workerId, event("LEAVE_START", workerId).put("effectiveDate", date.toString())));
            date = date.plusDays(20 + random.nextInt(60));
            year.add(new Dated(date, workerId, event("LEAVE_END", workerId).put("effectiveDate", date.toString())));
            date = date.plusDays(10 + random.nextInt(30));
        }
        if (random.nextDouble() < 0.08) {
            year.add(new Dated(date, workerId, event("TERMINATION", workerId).put("effectiveDate", date.toString()).put("reason", "resigned")));
            if (random.nextDouble() < 0.33) {
                LocalDate back = date.plusDays(30 + random.nextInt(60));
                ObjectNode rehire = event("REHIRE", workerId).put("effectiveDate", back.toString());
                rehire.putObject("worker").put("givenName", "Given" + index).put("familyName", "Family" + index)
                        .put("email", workerId.toLowerCase() + "@example.com").put("workerType", "EMPLOYEE").put("timeZone", "Europe/London");
                assignment(rehire.putObject("assignment"), null);
                year.add(new Dated(back, workerId, rehire));
            }
        }
    }

    private void assignment(ObjectNode assignment, String managerId) {
        String[] department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
        assignment.put("department", department[0])
                .put("jobCode", department[1 + random.nextInt(department.length - 1)])
                .put("location", LOCATIONS[random.nextInt(LOCATIONS.length)])
                .put("costCenter", department[0].equals("Finance") && random.nextInt(5) == 0 ? "CC-TRE-" + random.nextInt(3) : "CC-" + department[0].toUpperCase());
        if (managerId != null) {
            assignment.put("managerId", managerId);
        }
    }

    private ObjectNode event(String type, String workerId) {
        return json.createObjectNode().put("hrEventId", "bench-" + (++eventNumber)).put("type", type).put("workerId", workerId);
    }
}
