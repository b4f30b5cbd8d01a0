package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** H2's B-tree finds a key only if the comparison is a total order that agrees with equality. */
class BsonKeyTypeTest {

    private static final List<Object> KEYS = keys();

    @Test
    void comparingTwoKeysGivesOppositeAnswersEachWayRound() {
        for (Object a : KEYS) {
            for (Object b : KEYS) {
                assertThat(Integer.signum(compare(a, b))).as("%s against %s", a, b).isEqualTo(-Integer.signum(compare(b, a)));
            }
        }
    }

    @Test
    void theOrderIsTransitive() {
        for (Object a : KEYS) {
            for (Object b : KEYS) {
                for (Object c : KEYS) {
                    if (compare(a, b) <= 0 && compare(b, c) <= 0) {
                        assertThat(compare(a, c)).as("%s, %s, %s", a, b, c).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Test
    void keysCompareEqualExactlyWhenTheyAreEqual() {
        for (Object a : KEYS) {
            for (Object b : KEYS) {
                assertThat(compare(a, b) == 0).as("%s against %s", a, b).isEqualTo(a == b || a != null && a.equals(b));
            }
        }
    }

    @Test
    void everyKeyIsReadBackAsItWasWritten() {
        for (Object key : KEYS) {
            WriteBuffer buffer = new WriteBuffer();
            BsonKeyType.INSTANCE.write(buffer, key);
            buffer.put((byte) 42);

            var written = buffer.getBuffer().flip();
            assertThat(BsonKeyType.INSTANCE.read(written)).as("%s", key).isEqualTo(key);
            assertThat(written.get()).as("the next value after %s", key).isEqualTo((byte) 42);
        }
    }

    @Test
    void aKeyOfStringsIsWrittenAsItsCharactersWithoutBson() {
        WriteBuffer buffer = new WriteBuffer();
        BsonKeyType.INSTANCE.write(buffer, "E1");
        BsonKeyType.INSTANCE.write(buffer, new KeyValue("E1"));

        assertThat(buffer.position()).as("a tag, a length, two characters; a tag, a count, a length, two characters").isEqualTo(4 + 5);
    }

    @Test
    void keysWrittenAsBsonByEarlierVersionsAreReadBack() {
        WriteBuffer buffer = new WriteBuffer();
        buffer.put((byte) 'V').put(BsonDocumentType.encode(new Document("0", "E1")));
        buffer.put((byte) 'K').put(BsonDocumentType.encode(new Document("0", "a").append("1", 2)));

        var written = buffer.getBuffer().flip();
        assertThat(BsonKeyType.INSTANCE.read(written)).isEqualTo("E1");
        assertThat(BsonKeyType.INSTANCE.read(written)).isEqualTo(new KeyValue("a", 2));
    }

    private static int compare(Object a, Object b) {
        return BsonKeyType.INSTANCE.compare(a, b);
    }

    private static List<Object> keys() {
        List<Object> values = new ArrayList<>(Arrays.asList("", "a", "b", "W10", "W9", "Ünïcode ✓", 1, 2, -3, 1L, 3L, Long.MAX_VALUE, 1.5, -0.0, 0.0,
                true, false, null, Instant.ofEpochSecond(1), Instant.ofEpochSecond(2), new ObjectId(), new ObjectId(),
                UUID.nameUUIDFromBytes(new byte[]{1}), UUID.nameUUIDFromBytes(new byte[]{2}),
                new Document("x", 1), new Document("x", 2), new Document("x", 1).append("y", "z"), List.of(1, 2), List.of(2)));
        List<Object> keys = new ArrayList<>(values);
        keys.add(Missing.getInstance());
        keys.add(new KeyValue("a"));
        keys.add(new KeyValue("a", 1));
        keys.add(new KeyValue("b"));
        keys.add(new KeyValue("a", "b"));
        keys.add(new KeyValue(1L));
        keys.add(new KeyValue((Object) null));
        return keys;
    }
}
