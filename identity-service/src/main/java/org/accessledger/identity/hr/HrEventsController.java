package org.accessledger.identity.hr;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HR adapter's door: one HR event or a batch. Each worker's events are applied in the order given; each event
 * gets its own outcome, answered in the order sent.
 */
@RestController
public class HrEventsController {

    private final HrEventBatchReader reader;
    private final HrEventSubmitter submitter;

    public HrEventsController(HrEventBatchReader reader, HrEventSubmitter submitter) {
        this.reader = reader;
        this.submitter = submitter;
    }

    @PostMapping(path = "/api/v1/hr-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    public HrEventResults post(@RequestBody JsonNode body) {
        return new HrEventResults(submitter.submitAll(reader.read(body)));
    }
}
