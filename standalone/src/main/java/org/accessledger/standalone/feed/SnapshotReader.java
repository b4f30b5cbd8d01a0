package org.accessledger.standalone.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.accessledger.identity.snapshot.WorkerSnapshot;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of a snapshot file, one at a time: each a worker, or the line it stood on and why it could not be read.
 * The first row names the columns; blank lines are skipped.
 */
public final class SnapshotReader implements Iterator<SnapshotReader.Read>, Closeable {

    /** A row read: {@code row} when it is a worker, else {@code problem}. */
    public record Read(long line, WorkerSnapshot row, String problem) {
    }

    private final MappingIterator<List<String>> rows;
    private final List<String> headers;
    private final SnapshotLayout layout;

    private SnapshotReader(MappingIterator<List<String>> rows, List<String> headers, SnapshotLayout layout) {
        this.rows = rows;
        this.headers = headers;
        this.layout = layout;
    }

    /** Opens the file and checks its header row against the layout: a file lacking a required column is refused whole. */
    public static SnapshotReader open(Reader file, SnapshotLayout layout) throws IOException {
        MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readerForListOf(String.class).readValues(file);
        if (!rows.hasNextValue()) {
            throw new IOException("The file is empty: its first row must name the columns");
        }
        List<String> headers = rows.nextValue().stream().map(String::strip).toList();
        List<String> missing = layout.missingFrom(headers);
        if (!missing.isEmpty()) {
            throw new IOException("The header row lacks the required columns " + missing + "; it has " + headers);
        }
        return new SnapshotReader(rows, headers, layout);
    }

    /** A file that stops being CSV (a quote never closed, text after a closing quote): the rows after it cannot be told apart. */
    public static final class UnreadableFileException extends IllegalStateException {
        UnreadableFileException(JsonProcessingException cause) {
            super("Cannot read the snapshot at line " + cause.getLocation().getLineNr() + ": " + cause.getOriginalMessage(), cause);
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNextValue();
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Read next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            List<String> values = rows.nextValue();
            long line = rows.getParser().currentTokenLocation().getLineNr();
            if (values.size() != headers.size()) {
                return new Read(line, null, "has " + values.size() + " columns where the header row has " + headers.size());
            }
            Map<String, String> byHeader = new HashMap<>();
            for (int column = 0; column < headers.size(); column++) {
                byHeader.put(headers.get(column), values.get(column));
            }
            return new Read(line, SnapshotRowParser.parse(byHeader, layout), null);
        } catch (SnapshotRowParser.MalformedRowException e) {
            return new Read(rows.getParser().currentTokenLocation().getLineNr(), null, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
