package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBufUtil;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keys of the embedded read-model store: a document's {@code _id} (the key of a collection's map, and the value of
 * its unique indexes) and a unique index's {@link KeyValue}, kept as BSON.
 * <p>
 * H2's default type compares keys it does not know ({@link KeyValue}) by Java-serializing both on every comparison:
 * 39–41 % of the store's worker threads in profiles of the 100,000-worker bulk load. Here values of different BSON types
 * order by type, values of the common key types by their natural order, others by their BSON bytes; so two keys are
 * equal when they hold the same values of the same types, as they were under the default type. A key of strings
 * only, nearly every key of the read models, is written as H2 writes strings: H2 rewrites the keys of every page on
 * the path to a changed document, and their BSON encoding took 19 % of the app's CPU samples in the 100,000-worker
 * bulk load.
 */
final class BsonKeyType extends BasicDataType<Object> {

    static final BsonKeyType INSTANCE = new BsonKeyType();

    private static final byte STRING = 'S';
    private static final byte KEY_VALUE_OF_STRINGS = 'T';
    private static final byte VALUE = 'V';
    private static final byte KEY_VALUE = 'K';
    /** The key of a document whose {@code _id} is null, which BSON has no value for. */
    private static final byte MISSING = 'M';

    private BsonKeyType() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            return compareKeyValues(first, second);
        }
        if (a instanceof KeyValue || b instanceof KeyValue) {
            return a instanceof KeyValue ? 1 : -1;
        }
        return compareValues(a, b);
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof String string ? 40 + 2 * string.length() : 64;
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof Missing) {
            buffer.put(MISSING);
            return;
        }
        if (key instanceof String string) {
            writeString(buffer.put(STRING), string);
            return;
        }
        if (key instanceof KeyValue keyValue && keyValue.stream().allMatch(String.class::isInstance)) {
            buffer.put(KEY_VALUE_OF_STRINGS).putVarInt(keyValue.size());
            keyValue.forEach(value -> writeString(buffer, (String) value));
            return;
        }
        List<?> values = key instanceof KeyValue keyValue ? keyValue.stream().toList() : Collections.singletonList(key);
        buffer.put(key instanceof KeyValue ? KEY_VALUE : VALUE);
        buffer.put(BsonDocumentType.encodeToBuffer(numbered(values)).nioBuffer());
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte kind = buffer.get();
        return switch (kind) {
            case MISSING -> Missing.getInstance();
            case STRING -> DataUtils.readString(buffer);
            case KEY_VALUE_OF_STRINGS -> new KeyValue(readStrings(buffer));
            default -> {
                List<Object> values = new ArrayList<>(BsonDocumentType.decode(BsonDocumentType.INSTANCE.read(buffer)).values());
                yield kind == KEY_VALUE ? new KeyValue(values) : values.get(0);
            }
        };
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    private static int compareKeyValues(KeyValue first, KeyValue second) {
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            int order = compareValues(first.get(i), second.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(first.size(), second.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a instanceof Missing || b instanceof Missing) {
            return Boolean.compare(!(a instanceof Missing), !(b instanceof Missing));
        }
        int typeOrder = Byte.compare(BsonEncoder.determineType(a), BsonEncoder.determineType(b));
        if (typeOrder != 0) {
            return typeOrder;
        }
        if (a != null && a.getClass() == b.getClass() && isNaturallyOrdered(a)) {
            return ((Comparable) a).compareTo(b);
        }
        return ByteBufUtil.compare(BsonDocumentType.encodeToBuffer(new Document("", a)),
                BsonDocumentType.encodeToBuffer(new Document("", b)));
    }

    private static boolean isNaturallyOrdered(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof Boolean || value instanceof Instant;
    }

    private static Document numbered(List<?> values) {
        Document document = new Document();
        for (int i = 0; i < values.size(); i++) {
            document.put(String.valueOf(i), values.get(i));
        }
        return document;
    }

    private static void writeString(WriteBuffer buffer, String string) {
        buffer.putVarInt(string.length()).putStringData(string, string.length());
    }

    private static List<String> readStrings(ByteBuffer buffer) {
        int count = DataUtils.readVarInt(buffer);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(DataUtils.readString(buffer));
        }
        return strings;
    }
}
