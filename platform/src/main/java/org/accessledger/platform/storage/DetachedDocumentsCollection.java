package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.stream.Stream;

/**
 * mongo-java-server's H2 collection, except that the documents in the map are never the ones mongo-java-server works
 * on: it gets copies and stores copies. Its updates change the nested documents and arrays of the version they read in
 * place, while H2 may be writing that version's page to the file in the background: with BSON that fails the store's
 * write, with Java serialization it could write a version half old, half new.
 */
final class DetachedDocumentsCollection extends H2Collection {

    DetachedDocumentsCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        return super.addDocumentInternal(document.cloneDeeply());
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored == null ? null : stored.cloneDeeply();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return super.streamAllDocumentsWithPosition()
                .map(stored -> new DocumentWithPosition<>(stored.getDocument().cloneDeeply(), stored.getPosition()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn, int batchSize,
                                         Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument), query, orderBy,
                numberToSkip, numberToReturn, batchSize, fieldSelector);
    }
}
