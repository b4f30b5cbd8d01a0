package org.accessledger.standalone.feed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which header of the file holds each {@link SnapshotField}: the default layout, with the columns the user renamed. */
public final class SnapshotLayout {

    private final Map<SnapshotField, String> headers = new EnumMap<>(SnapshotField.class);

    private SnapshotLayout(Map<SnapshotField, String> renamed) {
        for (SnapshotField field : SnapshotField.values()) {
            headers.put(field, renamed.getOrDefault(field, field.defaultHeader()));
        }
    }

    /** {@code renamed}: field name (as in the default layout) to the header this file uses for it. */
    public static SnapshotLayout of(Map<String, String> renamed) {
        Map<SnapshotField, String> fields = new EnumMap<>(SnapshotField.class);
        renamed.forEach((field, header) -> fields.put(SnapshotField.named(field), header));
        return new SnapshotLayout(fields);
    }

    public String header(SnapshotField field) {
        return headers.get(field);
    }

    /** The required fields whose header the file lacks, each as "field (header)". */
    public List<String> missingFrom(List<String> fileHeaders) {
        List<String> missing = new ArrayList<>();
        for (SnapshotField field : SnapshotField.values()) {
            if (field.required() && !fileHeaders.contains(headers.get(field))) {
                missing.add(field.defaultHeader() + " (column \"" + headers.get(field) + "\")");
            }
        }
        return missing;
    }
}
