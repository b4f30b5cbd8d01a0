package org.accessledger.platform.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import com.mongodb.client.model.ReplaceOptions;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A read model of one document per aggregate, kept idempotent: each document remembers the aggregate sequence number
 * of the last event applied, and an event at or below it changes nothing. Views are mapped with Jackson; a view with
 * {@link org.accessledger.api.privacy.PersonalData} of the worker its id names keeps it sealed in the document.
 */
public final class VersionedDocuments<T> {

    private static final String APPLIED = "appliedSequence";

    private final MongoCollection<Document> collection;
    private final ObjectMapper objectMapper;
    private final Class<T> viewType;
    private final Consumer<Document> beforeSave;
    private final PersonalDataVault vault;
    private final boolean personal;

    public VersionedDocuments(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> viewType) {
        this(collection, objectMapper, viewType, document -> {
        });
    }

    /** @param beforeSave adds fields for queries (dates as BSON dates, say) to a document about to be saved */
    public VersionedDocuments(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> viewType, Consumer<Document> beforeSave) {
        this(collection, objectMapper, viewType, beforeSave, PersonalDataVault.disabled());
    }

    /** Of views of one worker each, keyed by worker id, whose personal data {@code vault} seals. */
    public VersionedDocuments(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> viewType, PersonalDataVault vault) {
        this(collection, objectMapper, viewType, document -> {
        }, vault);
    }

    private VersionedDocuments(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> viewType,
                               Consumer<Document> beforeSave, PersonalDataVault vault) {
        this.collection = collection;
        this.objectMapper = objectMapper;
        this.viewType = viewType;
        this.beforeSave = beforeSave;
        this.vault = vault;
        this.personal = vault.holdsPersonalData(viewType);
    }

    public Optional<T> find(String id) {
        return find(id, (view, sequence) -> view);
    }

    /** The view of {@code id} with the sequence number of the last event it applied, combined by {@code withSequence}. */
    public <R> Optional<R> find(String id, BiFunction<T, Long, R> withSequence) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(document -> withSequence.apply(toView(document), document.get(APPLIED, Number.class).longValue()));
    }

    /**
     * Applies {@code change} to the view of {@code id} (null if none yet) unless event {@code sequence} was applied;
     * a change that answers null leaves the document as it is.
     *
     * @return the view as stored after the call, empty if there is none
     */
    public Optional<T> update(String id, long sequence, UnaryOperator<T> change) {
        Document current = collection.find(Filters.eq("_id", id)).first();
        T before = current == null ? null : toView(current);
        if (current != null && current.get(APPLIED, Number.class).longValue() >= sequence) {
            return Optional.of(before);
        }
        T updated = change.apply(before);
        if (updated == null) {
            return Optional.ofNullable(before);
        }
        collection.replaceOne(Filters.eq("_id", id), toDocument(id, updated, sequence), new ReplaceOptions().upsert(true));
        return Optional.of(updated);
    }

    /** Up to {@code limit} views in the order of their ids, starting after {@code afterId} (from the first when null). */
    public List<T> page(String afterId, int limit) {
        Bson filter = afterId == null ? new Document() : Filters.gt("_id", afterId);
        List<T> page = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach(document -> page.add(toView(document)));
        return page;
    }

    public void deleteAll() {
        collection.deleteMany(new Document());
    }

    public T toView(Document document) {
        try {
            if (!personal) {
                return objectMapper.readValue(document.toJson(), viewType);
            }
            JsonNode tree = objectMapper.readTree(document.toJson());
            vault.open(viewType, tree, String.valueOf(document.get("_id")));
            return objectMapper.treeToValue(tree, viewType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read " + viewType.getSimpleName() + " " + document.get("_id"), e);
        }
    }

    private Document toDocument(String id, T view, long sequence) {
        try {
            JsonNode tree = objectMapper.valueToTree(view);
            if (personal) {
                vault.seal(viewType, tree, id);
            }
            Document document = Document.parse(objectMapper.writeValueAsString(tree));
            document.put("_id", id);
            document.put(APPLIED, sequence);
            beforeSave.accept(document);
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + viewType.getSimpleName() + " " + id, e);
        }
    }
}
