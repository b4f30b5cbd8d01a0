package org.accessledger.identity.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.JsonFieldProblems;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a post of one HR event or {@code {"events": [...]}} into translations. Every event is checked before any is
 * sent on, so a request with one fault changes nothing and lists every fault.
 */
@Component
public class HrEventBatchReader {

    public static final int MAX_BATCH = 1000;

    private final ObjectReader reader;

    public HrEventBatchReader(ObjectMapper objectMapper) {
        this.reader = objectMapper.readerFor(HrEventRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The commands the body stands for, in the order given; throws {@link InvalidRequestException} on any fault. */
    public List<HrEvent> read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(ErrorCode.MALFORMED_REQUEST, "(body)", "object", "must be one HR event or {\"events\": [...]}");
        }
        List<HrEventTranslator.Translation> translations = new ArrayList<>();
        if (!body.has("events")) {
            translations.add(translate(body, ""));
            return commandsOf(translations);
        }
        JsonNode events = body.get("events");
        if (body.size() != 1 || !events.isArray()) {
            throw invalid(ErrorCode.INVALID_FIELD, "events", "array", "must be the only field, an array of HR events");
        }
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw invalid(events.isEmpty() ? ErrorCode.INVALID_FIELD : ErrorCode.BATCH_TOO_LARGE, "events", "size",
                    "must hold 1 to " + MAX_BATCH + " HR events; it holds " + events.size());
        }
        for (int i = 0; i < events.size(); i++) {
            translations.add(translate(events.get(i), "events[" + i + "]."));
        }
        return commandsOf(translations);
    }

    private static List<HrEvent> commandsOf(List<HrEventTranslator.Translation> translations) {
        List<FieldProblem> problems = translations.stream().flatMap(t -> t.problems().stream()).toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, problems);
        }
        return translations.stream().map(HrEventTranslator.Translation::event).toList();
    }

    private HrEventTranslator.Translation translate(JsonNode node, String prefix) {
        HrEventRequest request;
        try {
            request = reader.readValue(node);
        } catch (JsonMappingException e) {
            String path = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
            return new HrEventTranslator.Translation(null, List.of(JsonFieldProblems.of(e, path)));
        } catch (JsonProcessingException e) {
            throw invalid(ErrorCode.MALFORMED_REQUEST, prefix.isEmpty() ? "(body)" : prefix, "json", e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return HrEventTranslator.translate(request, prefix);
    }

    private static InvalidRequestException invalid(ErrorCode code, String field, String rule, String detail) {
        return new InvalidRequestException(code, List.of(new FieldProblem(field, rule, detail)));
    }
}
