package org.accessledger.connector.spi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Group ids kept in this process only: exclusive across its threads, not across instances. */
public final class LocalGroupIds implements GroupIds {

    private final Map<String, List<String>> known = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    @Override
    public List<String> of(String entitlement) {
        return known.getOrDefault(entitlement, List.of());
    }

    @Override
    public List<String> resolveOnce(String entitlement, Supplier<List<String>> resolve) {
        List<String> remembered = known.get(entitlement);
        if (remembered != null) {
            return remembered;
        }
        synchronized (locks.computeIfAbsent(entitlement, key -> new Object())) {
            remembered = known.get(entitlement);
            if (remembered == null) {
                remembered = List.copyOf(resolve.get());
                known.put(entitlement, remembered);
            }
            return remembered;
        }
    }

    @Override
    public void forget(String entitlement) {
        known.remove(entitlement);
    }
}
