package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The embedded read-model store's documents, kept in H2's maps as their BSON bytes. H2 writes a whole page whenever one
 * of its documents changes and reads pages back to compact the file: as bytes, a page is copied, not encoded or
 * decoded again document by document (in a profile of the 100,000-worker bulk load with documents kept as objects,
 * encoding the documents and keys of pages took a third of the app's CPU samples).
 */
final class BsonDocumentType extends BasicDataType<byte[]> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private static final int ARRAY_HEADER_BYTES = 16;

    private BsonDocumentType() {
    }

    static byte[] encode(Map<String, ?> document) {
        return ByteBufUtil.getBytes(encodeToBuffer(document));
    }

    static ByteBuf encodeToBuffer(Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, bson);
        return bson;
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(byte[] bson) {
        return ARRAY_HEADER_BYTES + bson.length;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] bson) {
        buffer.put(bson);
    }

    /** A BSON document starts with its length in bytes, the length included, little-endian. */
    @Override
    public byte[] read(ByteBuffer buffer) {
        byte[] bson = new byte[Integer.reverseBytes(buffer.getInt(buffer.position()))];
        buffer.get(bson);
        return bson;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
