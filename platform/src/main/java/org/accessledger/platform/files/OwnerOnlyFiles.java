package org.accessledger.platform.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Secrets on disk: files only their owner can read, written whole and durably or not at all, through a temporary
 * sibling of their own ({@code <name>.<random>.tmp}), so writers racing for one file never share one.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Writes {@code content} to {@code file}, replacing it in one step; the last of racing writers wins. */
    public static void write(Path file, byte[] content) throws IOException {
        Path temporary = durableTemporary(file, content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code content} to {@code file} unless it exists; false, leaving it as it is, when it does. */
    public static boolean createNew(Path file, byte[] content) throws IOException {
        Path temporary = durableTemporary(file, content);
        try {
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        } finally {
            Files.delete(temporary);
        }
    }

    private static Path durableTemporary(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return temporary;
    }
}
