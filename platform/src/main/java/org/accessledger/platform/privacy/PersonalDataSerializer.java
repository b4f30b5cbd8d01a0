package org.accessledger.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.api.WorkerScoped;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event serializer with personal data sealed: a worker-scoped payload's personal values are sealed with the
 * worker's key on the way into the event store (and dead letters, and Axon Server), and opened on the way out, or
 * read as erased. The JSON's shape, type and revision stay those of the serializer it wraps.
 */
public final class PersonalDataSerializer implements Serializer {

    private final Serializer delegate;
    private final PersonalDataVault vault;

    public PersonalDataSerializer(Serializer delegate, PersonalDataVault vault) {
        this.delegate = delegate;
        this.vault = vault;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof WorkerScoped scoped) || !vault.holdsPersonalData(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        JsonNode tree = delegate.serialize(object, JsonNode.class).getData();
        vault.seal(object.getClass(), tree, scoped.workerId().value());
        return new SimpleSerializedObject<>(getConverter().convert(tree, expectedRepresentation), expectedRepresentation,
                delegate.typeForClass(object.getClass()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = delegate.classForType(serializedObject.getType());
        if (!WorkerScoped.class.isAssignableFrom(type) || !vault.holdsPersonalData(type)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(), JsonNode.class);
        if (JsonNode.class.isAssignableFrom(serializedObject.getContentType())) {
            tree = tree.deepCopy(); // an upcaster's tree, which the caller may read again
        }
        vault.open(type, tree, tree.path("workerId").asText());
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
