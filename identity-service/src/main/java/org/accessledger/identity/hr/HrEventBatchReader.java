package org.accessledger.identity.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.JsonFieldProblems;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a post of one HR event or {@code {"events": [...]}} into translations. Every event is checked before any is
 * sent on, so a request with one fault changes nothing and lists every fault.
 */
@Component
public class HrEventBatchReader {

    public static final int MAX_BATCH = 1000;

    private final ObjectReader reader;

    public HrEventBatchReader(ObjectMapper objectMapper) {
        this.reader = strictScalars(objectMapper.copy()).readerFor(HrEventRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Text fields take JSON strings only: {@code "givenName": true} or {@code "department": 1.5} is a type fault, not text. */
    private static ObjectMapper strictScalars(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
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

    /**
     * Jackson stops at the first field it cannot read; the event is read again without that field, so one answer lists
     * every fault, and a field reported as unreadable is not reported again as missing.
     */
    private HrEventTranslator.Translation translate(JsonNode node, String prefix) {
        String path = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        if (!node.isObject()) {
            return new HrEventTranslator.Translation(null, List.of(new FieldProblem(path, "object", "must be an HR event object")));
        }
        List<FieldProblem> unreadable = new ArrayList<>();
        JsonNode readable = node;
        while (true) {
            try {
                HrEventTranslator.Translation translation = HrEventTranslator.translate(reader.readValue(readable), prefix);
                return unreadable.isEmpty() ? translation : new HrEventTranslator.Translation(null, merge(unreadable, translation.problems()));
            } catch (JsonMappingException e) {
                unreadable.add(JsonFieldProblems.of(e, path));
                Optional<JsonNode> rest = withoutField(readable, e.getPath());
                if (rest.isEmpty()) {
                    return new HrEventTranslator.Translation(null, unreadable);
                }
                readable = rest.get();
            } catch (JsonProcessingException e) {
                throw invalid(ErrorCode.MALFORMED_REQUEST, prefix.isEmpty() ? "(body)" : prefix, "json", e.getOriginalMessage());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<FieldProblem> merge(List<FieldProblem> unreadable, List<FieldProblem> checked) {
        Set<String> reported = unreadable.stream().map(FieldProblem::field).collect(Collectors.toSet());
        return Stream.concat(unreadable.stream(), checked.stream().filter(problem -> !reported.contains(problem.field()))).toList();
    }

    /** A copy of the document without the field at {@code path}; empty when the path names no field of an object. */
    private static Optional<JsonNode> withoutField(JsonNode document, List<JsonMappingException.Reference> path) {
        if (path.isEmpty() || !document.isObject()) {
            return Optional.empty();
        }
        ObjectNode copy = document.deepCopy();
        JsonNode parent = copy;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() == null ? null : parent.get(step.getFieldName());
            if (parent == null || !parent.isObject()) {
                return Optional.empty();
            }
        }
        String field = path.get(path.size() - 1).getFieldName();
        return field != null && ((ObjectNode) parent).remove(field) != null ? Optional.of(copy) : Optional.empty();
    }

    private static InvalidRequestException invalid(ErrorCode code, String field, String rule, String detail) {
        return new InvalidRequestException(code, List.of(new FieldProblem(field, rule, detail)));
    }
}
