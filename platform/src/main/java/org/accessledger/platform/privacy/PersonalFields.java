package org.accessledger.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.accessledger.api.privacy.PersonalData;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Where a record type, as Jackson writes it, holds {@link PersonalData}: its annotated components, and those of the
 * records (and collections of records) it holds, found once per type. Rewrites the text values there in a JSON tree.
 */
final class PersonalFields {

    /** Per JSON property, the plan of the record it holds, or {@link #EVERYTHING}: every text value under it. */
    private record Plan(Map<String, Plan> properties) {

        boolean isEmpty() {
            return properties.isEmpty();
        }
    }

    private static final Plan NOTHING = new Plan(Map.of());
    /** Told apart from {@link #NOTHING} by identity. */
    private static final Plan EVERYTHING = new Plan(Map.of());
    private static final Map<Class<?>, Plan> PLANS = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    static boolean holdsPersonalData(Class<?> type) {
        return !planOf(type).isEmpty();
    }

    /** Replaces each personal text value of {@code tree} (a {@code type} as JSON) by {@code change} of it, in place. */
    static void rewrite(Class<?> type, JsonNode tree, UnaryOperator<String> change) {
        rewrite(planOf(type), tree, change);
    }

    private static void rewrite(Plan plan, JsonNode node, UnaryOperator<String> change) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> rewrite(plan, element, change));
        } else if (node instanceof ObjectNode object) {
            plan.properties().forEach((name, inner) -> {
                JsonNode value = object.get(name);
                if (value == null || value.isNull()) {
                    return;
                }
                if (inner == EVERYTHING) {
                    object.set(name, everyText(value, change));
                } else {
                    rewrite(inner, value, change);
                }
            });
        }
    }

    private static JsonNode everyText(JsonNode node, UnaryOperator<String> change) {
        if (node.isTextual()) {
            return TextNode.valueOf(change.apply(node.asText()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, everyText(array.get(i), change));
            }
        } else if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> object.set(name, everyText(object.get(name), change)));
        }
        return node;
    }

    private static Plan planOf(Class<?> type) {
        return PLANS.computeIfAbsent(type, root -> buildPlan(root, new HashSet<>()));
    }

    private static Plan buildPlan(Class<?> type, Set<Class<?>> visiting) {
        if (!type.isRecord() || !visiting.add(type)) {
            return NOTHING;
        }
        Map<String, Plan> properties = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                properties.put(component.getName(), EVERYTHING);
                continue;
            }
            Plan inner = buildPlan(elementType(component), visiting);
            if (!inner.isEmpty()) {
                properties.put(component.getName(), inner);
            }
        }
        visiting.remove(type);
        return properties.isEmpty() ? NOTHING : new Plan(properties);
    }

    /** A component's record type, or for a collection of records the element type. */
    private static Class<?> elementType(RecordComponent component) {
        if (Collection.class.isAssignableFrom(component.getType()) && component.getGenericType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            return element instanceof Class<?> elementClass ? elementClass : Object.class;
        }
        return component.getType();
    }
}
