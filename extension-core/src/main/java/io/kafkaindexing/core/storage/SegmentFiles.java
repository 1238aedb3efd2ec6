package io.kafkaindexing.core.storage;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * File operations on segment directories (a flat directory of files: {@code version.bin},
 * {@code meta.smoosh}, {@code 00000.smoosh}..., {@code factory.json}): list, copy, zip and unzip
 * with the data forced to disk, delete recursively, and describe a failure for a message. Copies
 * are interruptible (an interrupted copy fails with {@link java.nio.channels.ClosedByInterruptException}).
 * Stateless and thread-safe.
 */
public final class SegmentFiles {
  /** The file every segment directory has: 4 bytes, the format version. */
  public static final String VERSION_FILE = "version.bin";

  private SegmentFiles() {}

  /**
   * The regular files of segment directory {@code dir}, sorted by name; sub-directories are skipped.
   *
   * @throws IOException if {@code dir} is not a directory or holds no {@code version.bin}
   */
  public static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "is not a directory");
    }
    List<Path> files = new ArrayList<>();
    try (var stream = Files.list(dir)) {
      stream.filter(Files::isRegularFile).forEach(files::add);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    if (files.stream().noneMatch(p -> p.getFileName().toString().equals(VERSION_FILE))) {
      throw new FileNotFoundException("Directory[" + dir + "] holds no segment: " + VERSION_FILE + " is missing");
    }
    return files;
  }

  /** Copies {@code files} into {@code destDir} (created, with missing parents), forced to disk; returns the bytes. */
  public static long copy(List<Path> files, Path destDir) throws IOException {
    Files.createDirectories(destDir);
    long bytes = 0;
    for (Path file : files) {
      bytes += copyFile(file, destDir.resolve(file.getFileName().toString()));
    }
    return bytes;
  }

  /** Copies one file to a new file {@code dest}, forced to disk; returns its length. */
  public static long copyFile(Path src, Path dest) throws IOException {
    try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ);
         FileChannel out = FileChannel.open(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long size = in.size();
      long position = 0;
      while (position < size) {
        position += in.transferTo(position, size - position, out);
      }
      out.force(true);
      return size;
    }
  }

  /**
   * Writes {@code files} as the entries of a new zip file {@code zip} (deflated, in the given order,
   * flat names), forced to disk.
   *
   * @return the total uncompressed bytes (Druid's segment {@code size})
   */
  public static long zip(List<Path> files, Path zip) throws IOException {
    long bytes = 0;
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
      for (Path file : files) {
        out.putNextEntry(new ZipEntry(file.getFileName().toString()));
        bytes += Files.copy(file, out);
        out.closeEntry();
      }
      out.finish();
      out.flush();
      channel.force(true);
    }
    return bytes;
  }

  /**
   * Extracts the flat zip file {@code zip} into {@code destDir} (created), checking each entry's
   * CRC-32 and size, forced to disk.
   *
   * @return the total uncompressed bytes
   * @throws ZipException naming the zip file if it is not a readable zip, has no entries, an entry
   *     whose name is a path, a duplicate entry, or an entry whose bytes do not match its CRC or size
   */
  public static long unzip(Path zip, Path destDir) throws IOException {
    Files.createDirectories(destDir);
    long bytes = 0;
    int entries = 0;
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zipFile.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")
            || name.equals(".")) {
          throw new ZipException("Zip file[" + zip + "] has entry[" + name + "]; a segment zip holds only flat files");
        }
        bytes += extract(zip, zipFile, entry, destDir.resolve(name));
        entries++;
      }
    } catch (ZipException e) {
      throw e.getMessage() != null && e.getMessage().contains(zip.toString()) ? e
          : withCause(new ZipException("Zip file[" + zip + "] is corrupt: " + e.getMessage()), e);
    }
    if (entries == 0) {
      throw new ZipException("Zip file[" + zip + "] holds no files");
    }
    return bytes;
  }

  private static long extract(Path zip, ZipFile zipFile, ZipEntry entry, Path dest) throws IOException {
    CRC32 crc = new CRC32();
    long written = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = zipFile.getInputStream(entry);
         FileChannel channel = FileChannel.open(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
        out.write(buffer, 0, n);
        written += n;
      }
      channel.force(true);
    } catch (FileAlreadyExistsException e) {
      throw withCause(new ZipException("Zip file[" + zip + "] has entry[" + entry.getName() + "] twice"), e);
    } catch (ZipException | EOFException e) {
      throw withCause(new ZipException("Zip file[" + zip + "] entry[" + entry.getName() + "] is corrupt: "
          + e.getMessage()), e);
    }
    if ((entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) || (entry.getSize() != -1 && entry.getSize() != written)) {
      throw new ZipException("Zip file[" + zip + "] entry[" + entry.getName() + "] is corrupt: " + written
          + " bytes with CRC-32[" + Long.toHexString(crc.getValue()) + "], expected " + entry.getSize()
          + " bytes with CRC-32[" + Long.toHexString(entry.getCrc()) + "]");
    }
    return written;
  }

  private static <E extends Exception> E withCause(E e, Throwable cause) {
    e.initCause(cause);
    return e;
  }

  /** The total length of the regular files directly in {@code dir}. */
  public static long sizeOf(Path dir) throws IOException {
    long bytes = 0;
    try (var stream = Files.list(dir)) {
      for (Path p : (Iterable<Path>) stream::iterator) {
        if (Files.isRegularFile(p)) {
          bytes += Files.size(p);
        }
      }
    }
    return bytes;
  }

  /** Deletes {@code path} and everything under it; a missing path is not an error. Symbolic links are not followed. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** {@link #deleteRecursively}, returning the failure instead of throwing it (null when deleted). */
  public static IOException deleteQuietly(Path path) {
    try {
      deleteRecursively(path);
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  /** Deletes {@code dir} and then its parents up to (not including) {@code root} while they are empty. */
  public static void deleteEmptyParents(Path dir, Path root) {
    for (Path p = dir; p != null && !p.equals(root) && p.startsWith(root); p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        return; // not empty (DirectoryNotEmptyException) or not ours to delete
      }
    }
  }

  /** Forces a directory's entries (a rename into it) to disk where the platform allows it; best effort. */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can open a directory; the rename is still atomic, only less durable.
    }
  }

  /**
   * A failure as a sentence part: the file and the system's reason for file-system errors
   * ({@code file[/x/00000.smoosh]: No space left on device}), else the exception's message.
   */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException fse) {
      String what = e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NoSuchFileException ? "no such file or directory"
          : e instanceof FileAlreadyExistsException ? "already exists"
          : fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
      String reason = fse.getReason() != null && !what.equals(fse.getReason()) ? " (" + fse.getReason() + ")" : "";
      return "file[" + fse.getFile() + "]" + (fse.getOtherFile() != null ? " -> [" + fse.getOtherFile() + "]" : "")
          + ": " + what + reason;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
