package org.accessledger.identity.hr;

import org.accessledger.platform.axon.ReadYourWrites;
import java.util.List;

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
    private final ReadYourWrites readYourWrites;

    public HrEventsController(HrEventBatchReader reader, HrEventSubmitter submitter, ReadYourWrites readYourWrites) {
        this.reader = reader;
        this.submitter = submitter;
        this.readYourWrites = readYourWrites;
    }

    /** Every accepted result carries the head of the stream once the whole batch was stored: at or after each of its events. */
    @PostMapping(path = "/api/v1/hr-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    public HrEventResults post(@RequestBody JsonNode body) {
        List<HrEventResult> results = submitter.submitAll(reader.read(body));
        long position = readYourWrites.head();
        return new HrEventResults(results.stream().map(result -> result.at(position)).toList());
    }
}
