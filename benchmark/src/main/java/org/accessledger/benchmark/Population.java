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
 * terminations and rehires. A few veterans, hired in 2017, bring long careers of monthly changes (for as-of queries
 * over long histories). The same seed gives the same events.
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
    private static final LocalDate VETERANS_HIRED = LocalDate.of(2017, 1, 2);
    private static final int VETERANS = 50;
    private static final int WORKERS_PER_VETERAN_AT_LEAST = 100;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final Random careers;
    private final int workers;
    private final List<Dated> hires = new ArrayList<>();
    private final List<Dated> year = new ArrayList<>();
    private int eventNumber;

    private Population(long seed, int workers) {
        this.random = new Random(seed);
        // A stream of its own, so that adding veterans left everyone else's draws as they were.
        this.careers = new Random(seed ^ 0x5DEECE66DL);
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

    /** A year of changes and the veterans' careers, in effective order (each worker's in its own order). */
    List<Dated> year() {
        return year;
    }

    static String workerId(int index) {
        return String.format("W%06d", index);
    }

    /** Up to 50 workers, evenly spread, one per hundred at most; the rest of the population is as without them. */
    static boolean isVeteran(int index, int workers) {
        int veterans = Math.min(VETERANS, workers / WORKERS_PER_VETERAN_AT_LEAST);
        return veterans > 0 && index % (workers / veterans) == 0;
    }

    private void generate() {
        int managers = Math.max(1, workers / 50);
        for (int i = 0; i < workers; i++) {
            String workerId = workerId(i);
            LocalDate start = HIRING_FROM.plusDays(random.nextInt(181));
            if (isVeteran(i, workers)) {
                start = VETERANS_HIRED;
                career(i, managers);
            }
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

    /** A change a month from the veteran's hire until the year begins: moves, relocations, new managers, a leave now and then. */
    private void career(int index, int managers) {
        String workerId = workerId(index);
        for (LocalDate date = VETERANS_HIRED.plusMonths(1); date.isBefore(YEAR_FROM); date = date.plusMonths(1)) {
            ObjectNode change = event("ASSIGNMENT_CHANGE", workerId).put("effectiveDate", date.toString());
            ObjectNode assignment = change.putObject("assignment");
            switch (careers.nextInt(4)) {
                case 0 -> {
                    String[] department = DEPARTMENTS[careers.nextInt(DEPARTMENTS.length)];
                    assignment.put("department", department[0]).put("jobCode", department[1 + careers.nextInt(department.length - 1)]);
                }
                case 1 -> assignment.put("location", LOCATIONS[careers.nextInt(LOCATIONS.length)]);
                case 2 -> {
                    int manager = careers.nextInt(managers);
                    assignment.put("managerId", workerId(manager == index ? (manager + 1) % workers : manager));
                }
                default -> {
                    year.add(new Dated(date, workerId, event("LEAVE_START", workerId).put("effectiveDate", date.toString())));
                    LocalDate back = date.plusDays(7 + careers.nextInt(14));
                    year.add(new Dated(back, workerId, event("LEAVE_END", workerId).put("effectiveDate", back.toString())));
                    continue;
                }
            }
            year.add(new Dated(date, workerId, change));
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
