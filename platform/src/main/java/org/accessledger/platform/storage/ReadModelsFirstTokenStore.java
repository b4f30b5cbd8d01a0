package org.accessledger.platform.storage;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.util.List;
import java.util.Optional;

/**
 * A token store that makes the read models durable before a processor's token moves on, so a crash can only make
 * the processor handle some events again, never skip the writes it made for them (see {@link ReadModelDurability}).
 * Axon's pooled processors store a token once per batch, so this costs at most one read-model commit per batch, and
 * none for a batch whose handling wrote nothing ({@link ReadModelWritesPerThread}).
 */
public final class ReadModelsFirstTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final ReadModelDurability readModels;

    public ReadModelsFirstTokenStore(TokenStore delegate, ReadModelDurability readModels) {
        this.delegate = delegate;
        this.readModels = readModels;
    }

    public TokenStore delegate() {
        return delegate;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        readModels.makeDurable();
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
