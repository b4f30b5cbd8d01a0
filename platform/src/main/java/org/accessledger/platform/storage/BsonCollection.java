package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * mongo-java-server's H2 collection with each document stored as its BSON bytes ({@link BsonDocumentType}): encoded
 * once when written, decoded for every read. So mongo-java-server always works on a document of its own: its updates
 * change the nested documents and arrays of the version they read in place, which, were that version the one in the
 * map, H2 might be writing to the file at the same moment. Every method of {@link H2Collection} that reads or writes
 * a document in the map is replaced here; counting is left to it.
 */
final class BsonCollection extends H2Collection {

    private final MVMap<Object, byte[]> documents;

    @SuppressWarnings({"unchecked", "rawtypes"})
    BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, byte[]> documents,
                   MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, (MVMap) documents, metaMap, cursorRegistry);
        this.documents = documents;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object id = getIdField() == null ? UUID.randomUUID() : Utils.getSubdocumentValue(document, getIdField());
        if (documents.putIfAbsent(Missing.ofNullable(id), BsonDocumentType.encode(document)) != null) {
            throw new IllegalStateException("A document with _id " + id + " already exists in " + this);
        }
        return id;
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bson = documents.get(position);
        return bson == null ? null : BsonDocumentType.decode(bson);
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), BsonDocumentType.encode(newDocument));
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(stored -> new DocumentWithPosition<>(BsonDocumentType.decode(stored.getValue()), stored.getKey()));
    }

    /** In natural descending order {@link H2Collection} reads through {@link #streamAllDocumentsWithPosition()}. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn, int batchSize,
                                         Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(documents.values().stream().map(BsonDocumentType::decode), query, orderBy,
                numberToSkip, numberToReturn, batchSize, fieldSelector);
    }
}
