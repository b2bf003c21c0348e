package org.callsforinput.gate.inspection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/** Reads a zip file's central directory, record by record, without unpacking anything. */
// By hand rather than with ZipFile: entries must be counted before a library holds them all in memory, and the general
// purpose flags (the encryption bit) must be seen, which the JDK hides (it refuses such archives as invalid).
final class ZipDirectory {

    /** One central directory record; sizes are as declared, which an attacker controls. */
    record Entry(String name, int flags, long compressedSize, long size) {
        boolean encrypted() {
            return (flags & 1) != 0;
        }
    }

    private static final int EOCD = 0x06054b50;
    private static final int EOCD_LENGTH = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int CENTRAL_HEADER_LENGTH = 46;
    private static final int UTF8_NAMES = 1 << 11;

    private ZipDirectory() {
    }

    /**
     * The entries of the zip at {@code file}.
     *
     * @throws ZipException when the directory is missing or inconsistent (for example a truncated file)
     * @throws TooManyEntries when the directory declares or holds more than {@code maxEntries} records
     */
    static List<Entry> read(Path file, int maxEntries) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            // The end record sits in the last 22 bytes plus a comment of at most 65535 bytes.
            int tailLength = (int) Math.min(fileSize, EOCD_LENGTH + 0xFFFF);
            ByteBuffer tail = read(channel, fileSize - tailLength, tailLength);
            int end = -1;
            for (int i = tailLength - EOCD_LENGTH; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new ZipException("no end of central directory");
            }
            long endPosition = fileSize - tailLength + end;
            long count = Short.toUnsignedLong(tail.getShort(end + 10));
            long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
            long directoryLimit = endPosition;
            if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
                // Zip64: a locator right before the end record points at the 64-bit end record.
                if (endPosition < 20) {
                    throw new ZipException("no zip64 locator");
                }
                ByteBuffer locator = read(channel, endPosition - 20, 20);
                long zip64Position = locator.getLong(8);
                if (locator.getInt(0) != ZIP64_LOCATOR || zip64Position < 0 || zip64Position > endPosition - 20 - 56) {
                    throw new ZipException("bad zip64 locator");
                }
                ByteBuffer zip64 = read(channel, zip64Position, 56);
                if (zip64.getInt(0) != ZIP64_EOCD) {
                    throw new ZipException("bad zip64 end record");
                }
                count = zip64.getLong(32);
                directorySize = zip64.getLong(40);
                directoryOffset = zip64.getLong(48);
                directoryLimit = zip64Position;
            }
            if (count < 0 || count > maxEntries) {
                throw new TooManyEntries();
            }
            if (directoryOffset < 0 || directorySize < 0 || directoryOffset > directoryLimit - directorySize) {
                throw new ZipException("central directory outside the file");
            }
            return records(channel.position(directoryOffset), directorySize, maxEntries);
        }
    }

    /** Walks the records by the directory's size, not its count: readers such as the JDK do the same when they disagree. */
    private static List<Entry> records(FileChannel channel, long directorySize, int maxEntries) throws IOException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        List<Entry> entries = new ArrayList<>();
        long consumed = 0;
        while (consumed < directorySize) {
            if (entries.size() == maxEntries) {
                throw new TooManyEntries();
            }
            ByteBuffer header = ByteBuffer.wrap(readFully(in, CENTRAL_HEADER_LENGTH)).order(ByteOrder.LITTLE_ENDIAN);
            if (header.getInt(0) != CENTRAL_HEADER) {
                throw new ZipException("bad central directory record");
            }
            int flags = Short.toUnsignedInt(header.getShort(8));
            long compressedSize = Integer.toUnsignedLong(header.getInt(20));
            long size = Integer.toUnsignedLong(header.getInt(24));
            int nameLength = Short.toUnsignedInt(header.getShort(28));
            int extraLength = Short.toUnsignedInt(header.getShort(30));
            int commentLength = Short.toUnsignedInt(header.getShort(32));
            byte[] name = readFully(in, nameLength);
            ByteBuffer extra = ByteBuffer.wrap(readFully(in, extraLength)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, commentLength);
            consumed += CENTRAL_HEADER_LENGTH + nameLength + extraLength + commentLength;
            if (size == 0xFFFFFFFFL || compressedSize == 0xFFFFFFFFL) {
                long[] sizes = zip64Sizes(extra, size, compressedSize);
                size = sizes[0];
                compressedSize = sizes[1];
            }
            // Non-UTF-8 names are CP437; the inspector only compares ASCII names, which Latin-1 decodes alike.
            String decoded = new String(name, (flags & UTF8_NAMES) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            entries.add(new Entry(decoded, flags, compressedSize, size));
        }
        if (consumed != directorySize) {
            throw new ZipException("central directory size mismatch");
        }
        return entries;
    }

    /** The real sizes from the zip64 extra field, which holds only the fields whose 32-bit value is 0xFFFFFFFF. */
    private static long[] zip64Sizes(ByteBuffer extra, long size, long compressedSize) throws ZipException {
        while (extra.remaining() >= 4) {
            int id = Short.toUnsignedInt(extra.getShort());
            int length = Short.toUnsignedInt(extra.getShort());
            if (length > extra.remaining()) {
                break;
            }
            if (id == 0x0001) {
                ByteBuffer field = extra.slice().limit(length).order(ByteOrder.LITTLE_ENDIAN);
                if (size == 0xFFFFFFFFL) {
                    size = field.remaining() >= 8 ? field.getLong() : -1;
                }
                if (compressedSize == 0xFFFFFFFFL) {
                    compressedSize = field.remaining() >= 8 ? field.getLong() : -1;
                }
                if (size < 0 || compressedSize < 0) {
                    throw new ZipException("bad zip64 sizes");
                }
                return new long[] { size, compressedSize };
            }
            extra.position(extra.position() + length);
        }
        throw new ZipException("missing zip64 sizes");
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new ZipException("unexpected end of central directory");
        }
        return bytes;
    }

    /** The directory lists more entries than allowed; thrown before they are all read. */
    static final class TooManyEntries extends IOException {
        TooManyEntries() {
            super("too many entries", null);
        }
    }
}
