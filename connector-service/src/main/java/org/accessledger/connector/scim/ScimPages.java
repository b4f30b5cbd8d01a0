package org.accessledger.connector.scim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.unboundid.scim2.common.messages.ListResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Reads a SCIM list endpoint page by page (RFC 7644 §3.4.2.4, {@code startIndex} and {@code count}); one page held at a time. */
final class ScimPages {

    static final int PAGE_SIZE = 200;

    private ScimPages() {
    }

    static <T> void each(ScimHttp http, String path, Map<String, ?> query, TypeReference<ListResponse<T>> type, Consumer<T> each) {
        int start = 1;
        while (true) {
            Map<String, Object> pageQuery = new HashMap<>(query);
            pageQuery.put("startIndex", start);
            pageQuery.put("count", PAGE_SIZE);
            ListResponse<T> page = http.get(path, pageQuery, type).orElseThrow();
            if (page.getResources() == null || page.getResources().isEmpty()) {
                return;
            }
            page.getResources().forEach(each);
            start += page.getResources().size();
            if (start > page.getTotalResults()) {
                return;
            }
        }
    }
}
