package org.accessledger.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import java.io.IOException;
import java.util.function.Function;

/**
 * Writes the typed ids of shared-api as plain JSON strings, in stored events as in HTTP answers.
 * Spring Boot adds this module to its ObjectMapper, which Axon's Jackson serializer uses.
 */
public class IdsJacksonModule extends SimpleModule {

    public IdsJacksonModule() {
        super("accessledger-ids");
        register(WorkerId.class, WorkerId::new);
        register(HrEventId.class, HrEventId::new);
        register(EntitlementId.class, EntitlementId::new);
    }

    private <T> void register(Class<T> type, Function<String, T> parser) {
        addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser1, DeserializationContext context) throws IOException {
                String text = parser1.getValueAsString();
                try {
                    return parser.apply(text);
                } catch (IllegalArgumentException e) {
                    return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }
}
