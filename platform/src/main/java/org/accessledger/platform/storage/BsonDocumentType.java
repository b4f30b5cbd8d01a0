package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * The embedded read-model store's documents as BSON, the format they arrive in, instead of H2's default, Java
 * serialization, which H2 runs for every document of every page it writes, reads back or compacts.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return encode(document).readableBytes() * 2;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        buffer.put(encode(document).nioBuffer());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    static ByteBuf encode(java.util.Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, bson);
        return bson;
    }
}
