package io.kafkaindexing.query.historical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The checksums of a cached segment's files, written by the Historical into the segment's cache
 * directory when it pulls the segment, and checked before a cached copy is served again (after a
 * restart), so a file that changed on disk is pulled again instead of being served. The file
 * {@value #FILE_NAME}:
 * <pre>
 *   {"version":1,"segmentId":"&lt;id&gt;","files":{"00000.smoosh":{"size":1794,"crc32c":"1a2b3c4d"},...}}
 * </pre>
 * {@code version} must be 1; {@code files} lists every file of the segment (not this one) with its
 * length and CRC-32C in hex. A directory with no manifest was not finished by this cache. Immutable.
 */
public final class CacheManifest {
  public static final String FILE_NAME = "cache-manifest.json";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One file's length and CRC-32C. */
  public record FileSum(@JsonProperty("size") long size, @JsonProperty("crc32c") String crc32c) {}

  private final String segmentId;
  private final Map<String, FileSum> files;

  @JsonCreator
  CacheManifest(@JsonProperty("version") int version, @JsonProperty("segmentId") String segmentId,
      @JsonProperty("files") Map<String, FileSum> files) {
    if (version != VERSION) {
      throw new IllegalArgumentException("Cache manifest version[" + version + "] is not supported; expected " + VERSION);
    }
    this.segmentId = Objects.requireNonNull(segmentId, "segmentId");
    this.files = Map.copyOf(Objects.requireNonNull(files, "files"));
  }

  @JsonProperty("version")
  int version() {
    return VERSION;
  }

  @JsonProperty("segmentId")
  public String segmentId() {
    return segmentId;
  }

  @JsonProperty("files")
  public Map<String, FileSum> files() {
    return new TreeMap<>(files);
  }

  /** Checksums every regular file in {@code dir} except a manifest. */
  public static CacheManifest compute(String segmentId, Path dir) throws IOException {
    Map<String, FileSum> sums = new LinkedHashMap<>();
    List<Path> paths;
    try (var stream = Files.list(dir)) {
      paths = stream.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path p : paths) {
      String name = p.getFileName().toString();
      if (!name.equals(FILE_NAME)) {
        sums.put(name, sum(p));
      }
    }
    return new CacheManifest(VERSION, segmentId, sums);
  }

  private static FileSum sum(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
        size += n;
      }
    }
    return new FileSum(size, Long.toHexString(crc.getValue()));
  }

  /** Writes this manifest into {@code dir}, forced to disk. */
  public void write(Path dir) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(this);
    try (FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(bytes));
      channel.force(true);
    }
  }

  /**
   * Checks the files of the segment cached in {@code dir} against its manifest.
   *
   * @return null if every listed file has its length and checksum, else what is wrong, naming the file
   */
  public static String verify(String segmentId, Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    CacheManifest manifest;
    try {
      manifest = JSON.readValue(file.toFile(), CacheManifest.class);
    } catch (NoSuchFileException | FileNotFoundException e) {
      return "it has no " + FILE_NAME + " (the copy was not finished)";
    } catch (JsonProcessingException e) {
      return "file[" + file + "] is unreadable: " + e.getOriginalMessage();
    }
    if (!manifest.segmentId.equals(segmentId)) {
      return "file[" + file + "] is for segment[" + manifest.segmentId + "]";
    }
    if (manifest.files.isEmpty()) {
      return "file[" + file + "] lists no files";
    }
    for (Map.Entry<String, FileSum> e : new TreeMap<>(manifest.files).entrySet()) {
      Path p = dir.resolve(e.getKey());
      if (!Files.isRegularFile(p)) {
        return "file[" + p + "] is missing";
      }
      FileSum actual = sum(p);
      if (!actual.equals(e.getValue())) {
        return "file[" + p + "] has " + actual.size() + " bytes with CRC-32C[" + actual.crc32c() + "] but "
            + e.getValue().size() + " bytes with CRC-32C[" + e.getValue().crc32c() + "] were cached";
      }
    }
    return null;
  }
}
