package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with its collections' documents kept as BSON bytes ({@link BsonCollection},
 * {@link BsonDocumentType}) and the keys of its collections and unique indexes as BSON ({@link BsonKeyType}). The
 * backend opens its index maps by name with H2's default types; a map already open is handed back as it is, so each
 * is opened here first with the BSON types.
 */
final class BsonH2Backend extends H2Backend {

    BsonH2Backend(MVStore store) {
        super(store);
    }

    /** Opens {@code name} with the types it has in a store of this backend. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MVMap<Object, Object> openMap(MVStore store, String name) {
        MVMap.Builder builder = new MVMap.Builder<>();
        if (isCollection(name)) {
            builder.keyType(BsonKeyType.INSTANCE).valueType(BsonDocumentType.INSTANCE);
        } else if (name.contains(Database.INDEX_INFIX)) {
            builder.keyType(BsonKeyType.INSTANCE).valueType(BsonKeyType.INSTANCE);
        }
        return (MVMap<Object, Object>) store.openMap(name, builder);
    }

    /** Whether the map {@code name} holds a collection's documents, as BSON bytes. */
    static boolean isCollection(String name) {
        return name.startsWith(Database.COLLECTION_PREFIX);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Called by the backend's constructor too, before this class's fields would be set: hence none. */
    private final class Database extends H2Database {

        static final String COLLECTION_PREFIX = "databases.";
        static final String META_PREFIX = "meta.";
        static final String INDEX_INFIX = "._index_";

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap documents = openMap(getMvStore(), COLLECTION_PREFIX + namespace);
            return new BsonCollection(this, collectionName, options, documents,
                    getMvStore().openMap(META_PREFIX + namespace), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            openMap(getMvStore(), getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
