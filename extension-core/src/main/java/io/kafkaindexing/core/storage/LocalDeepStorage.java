package io.kafkaindexing.core.storage;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deep storage {@code local}: a directory on a disk every process can see, laid out as Apache Druid
 * 33's {@code LocalDataSegmentPusher} lays it out with unique paths (what its tasks use):
 * <pre>
 *   &lt;storageDirectory&gt;/&lt;dataSource&gt;/&lt;start&gt;_&lt;end&gt;/&lt;version&gt;/&lt;partitionNum&gt;/&lt;random UUID&gt;/index/      zip=false
 *       version.bin, meta.smoosh, 00000.smoosh..., factory.json
 *   &lt;storageDirectory&gt;/&lt;dataSource&gt;/&lt;start&gt;_&lt;end&gt;/&lt;version&gt;/&lt;partitionNum&gt;/&lt;random UUID&gt;/index.zip  zip=true
 *   loadSpec: {"type":"local","path":"&lt;absolute path of index/ (with a trailing /) or of index.zip&gt;"}
 * </pre>
 * A push writes the files under {@code <storageDirectory>/intermediate_pushes/<random UUID>/} (as
 * Druid does), forces them to disk, and renames the finished {@code <random UUID>} directory into
 * place in one atomic step, so a reader never sees a partial segment and a failed push (disk full,
 * permissions) leaves none behind. {@link #pull} reads either form; for a zip it checks every entry's
 * CRC-32. Thread-safe: pushes share nothing but the directory.
 */
@Singleton
public final class LocalDeepStorage implements DeepStorage {
  private static final Logger log = LoggerFactory.getLogger(LocalDeepStorage.class);

  public static final String INDEX_DIR = "index";
  public static final String INDEX_ZIP = "index.zip";
  static final String INTERMEDIATE_DIR = "intermediate_pushes";

  private final DeepStorageConfig config;

  @Inject
  public LocalDeepStorage(DeepStorageConfig config) {
    this.config = config;
  }

  public DeepStorageConfig config() {
    return config;
  }

  /** The absolute storage directory. */
  public Path storageDirectory() {
    return config.storageDirectory().toPath().toAbsolutePath().normalize();
  }

  @Override
  public PushedSegment push(File segmentDir, String dataSource, Interval interval, String version, int partitionNum)
      throws IOException {
    Path base = storageDirectory();
    String segment = SegmentPaths.storageDir(dataSource, interval, version, partitionNum);
    Path partitionDir = base.resolve(segment);
    String uuid = UUID.randomUUID().toString();
    Path intermediate = base.resolve(INTERMEDIATE_DIR).resolve(UUID.randomUUID().toString());
    Path staged = intermediate.resolve(uuid);
    Path target = partitionDir.resolve(uuid);
    try {
      List<Path> files = SegmentFiles.list(segmentDir.toPath());
      Files.createDirectories(staged);
      long size = config.zip() ? SegmentFiles.zip(files, staged.resolve(INDEX_ZIP))
          : SegmentFiles.copy(files, staged.resolve(INDEX_DIR));
      Files.createDirectories(partitionDir);
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      SegmentFiles.syncDirectory(partitionDir);
      Path index = target.resolve(config.zip() ? INDEX_ZIP : INDEX_DIR);
      log.info("Pushed segment[{}] ({} files, {} bytes) to[{}]", segment, files.size(), size, index);
      return new PushedSegment(loadSpec(index, !config.zip()), size);
    } catch (IOException e) {
      // Only the rename puts anything at the segment's path; undo it if a later step failed.
      IOException cleanup = Files.exists(target) ? SegmentFiles.deleteQuietly(target) : null;
      IOException failure = new IOException("Cannot push segment[" + segment + "] from[" + segmentDir
          + "] to deep storage[" + base + "]: " + SegmentFiles.describe(e), e);
      if (cleanup != null) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    } finally {
      IOException cleanup = SegmentFiles.deleteQuietly(intermediate);
      if (cleanup != null) {
        log.warn("Cannot delete intermediate push directory[{}]: {}", intermediate, SegmentFiles.describe(cleanup));
      }
    }
  }

  /** Druid's loadSpec: the absolute path, a directory ending with {@code /} as {@code File.toURI().getPath()} gives it. */
  private static Map<String, Object> loadSpec(Path index, boolean directory) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", DeepStorageConfig.TYPE_LOCAL);
    spec.put("path", directory ? index + "/" : index.toString());
    return spec;
  }

  @Override
  public long pull(Map<String, Object> loadSpec, File destinationDir) throws IOException {
    Path source = sourcePath(loadSpec);
    Path dest = destinationDir.toPath();
    boolean created = !Files.exists(dest);
    if (!created) {
      try (var entries = Files.list(dest)) {
        if (entries.findAny().isPresent()) {
          throw new IOException("Cannot pull segment[" + source + "] into[" + dest + "]: the directory is not empty");
        }
      }
    }
    try {
      if (Files.isDirectory(source)) {
        return SegmentFiles.copy(SegmentFiles.list(source), dest);
      }
      if (!Files.exists(source)) {
        throw new NoSuchFileException(source.toString());
      }
      if (!source.getFileName().toString().endsWith(".zip")) {
        throw new IOException("Segment path[" + source + "] is neither a directory nor a .zip file");
      }
      return SegmentFiles.unzip(source, dest);
    } catch (IOException e) {
      IOException cleanup = created ? SegmentFiles.deleteQuietly(dest) : emptyDirectory(dest);
      IOException failure = new IOException("Cannot pull segment[" + source + "] from deep storage into[" + dest
          + "]: " + SegmentFiles.describe(e), e);
      if (cleanup != null) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
  }

  private static Path sourcePath(Map<String, Object> loadSpec) throws IOException {
    Object type = loadSpec == null ? null : loadSpec.get("type");
    if (!DeepStorageConfig.TYPE_LOCAL.equals(type)) {
      throw new IOException("Cannot pull a segment with loadSpec type[" + type + "]: this deep storage reads type["
          + DeepStorageConfig.TYPE_LOCAL + "]");
    }
    Object path = loadSpec.get("path");
    if (!(path instanceof String p) || p.isBlank()) {
      throw new IOException("Cannot pull a segment with loadSpec[" + loadSpec + "]: it has no field[path]");
    }
    return Path.of(p);
  }

  private static IOException emptyDirectory(Path dir) {
    try (var entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        SegmentFiles.deleteRecursively(p);
      }
      return null;
    } catch (IOException e) {
      return e;
    }
  }
}
