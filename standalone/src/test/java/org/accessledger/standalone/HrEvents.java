package org.accessledger.standalone;

/** HR event JSON as an HR adapter would send it. */
final class HrEvents {

    private HrEvents() {
    }

    static String hire(String hrEventId, String workerId, String startDate, String email) {
        return """
                {"hrEventId":"%s","type":"HIRE","workerId":"%s","effectiveDate":"%s",
                 "worker":{"givenName":"Ada","familyName":"Lovelace","email":"%s","workerType":"EMPLOYEE","timeZone":"Europe/London"},
                 "assignment":{"department":"Finance","jobCode":"FIN-ANALYST","location":"London","costCenter":"CC-100","managerId":"E0001"}}
                """.formatted(hrEventId, workerId, startDate, email);
    }

    static String hireInto(String hrEventId, String workerId, String startDate, String department, String jobCode, String costCenter) {
        return hire(hrEventId, workerId, startDate, workerId.toLowerCase() + "@example.com")
                .replace("\"department\":\"Finance\"", "\"department\":\"" + department + "\"")
                .replace("\"jobCode\":\"FIN-ANALYST\"", "\"jobCode\":\"" + jobCode + "\"")
                .replace("\"costCenter\":\"CC-100\"", "\"costCenter\":\"" + costCenter + "\"");
    }

    static String changeAssignment(String hrEventId, String workerId, String date, String assignmentJson) {
        return """
                {"hrEventId":"%s","type":"ASSIGNMENT_CHANGE","workerId":"%s","effectiveDate":"%s","assignment":%s}
                """.formatted(hrEventId, workerId, date, assignmentJson);
    }

    static String rehire(String hrEventId, String workerId, String startDate, String email) {
        return hire(hrEventId, workerId, startDate, email).replace("\"HIRE\"", "\"REHIRE\"");
    }

    static String move(String hrEventId, String workerId, String date, String department) {
        return """
                {"hrEventId":"%s","type":"ASSIGNMENT_CHANGE","workerId":"%s","effectiveDate":"%s","assignment":{"department":"%s"}}
                """.formatted(hrEventId, workerId, date, department);
    }

    static String dated(String type, String hrEventId, String workerId, String date) {
        return """
                {"hrEventId":"%s","type":"%s","workerId":"%s","effectiveDate":"%s"}
                """.formatted(hrEventId, type, workerId, date);
    }

    static String terminate(String hrEventId, String workerId, String lastDay) {
        return """
                {"hrEventId":"%s","type":"TERMINATION","workerId":"%s","effectiveDate":"%s","reason":"resigned"}
                """.formatted(hrEventId, workerId, lastDay);
    }

    static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }
}
