package io.kafkaindexing.query.historical;

import io.kafkaindexing.core.storage.DeepStorage;
import io.kafkaindexing.core.storage.SegmentFiles;
import io.kafkaindexing.core.storage.SegmentPaths;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Historical's local copies of published segments, laid out as Druid's segment cache:
 * <pre>
 *   &lt;location&gt;/&lt;dataSource&gt;/&lt;start&gt;_&lt;end&gt;/&lt;version&gt;/&lt;partitionNum&gt;/
 *       version.bin, meta.smoosh, 00000.smoosh..., factory.json, cache-manifest.json
 * </pre>
 * A pull goes to a sibling {@code <partitionNum>.pulling-<uuid>} directory, gets its
 * {@link CacheManifest}, and is renamed into place, so a segment directory is always complete; a
 * cached copy is served again only if its files match the manifest and it loads. Not thread-safe:
 * used by the Historical's loader thread only (and before it starts).
 */
final class SegmentCache {
  private static final Logger log = LoggerFactory.getLogger(SegmentCache.class);
  static final String PULLING = ".pulling-";

  private final Path location;
  private final DeepStorage deepStorage;

  SegmentCache(Path location, DeepStorage deepStorage) {
    this.location = location.toAbsolutePath().normalize();
    this.deepStorage = deepStorage;
  }

  Path location() {
    return location;
  }

  /** The directory of {@code id}: {@code <location>/<ds>/<start>_<end>/<version>/<partitionNum>}. */
  Path dirFor(SegmentId id) {
    return location.resolve(SegmentPaths.storageDir(id.dataSource(), id.interval(), id.version(), id.partitionNum()));
  }

  /** The cached copy of {@code segment}, else a fresh one pulled from deep storage; loaded (memory-mapped). */
  PersistedSegment load(DataSegment segment) throws IOException {
    PersistedSegment cached = loadCached(segment.getId());
    return cached != null ? cached : pullAndLoad(segment);
  }

  /**
   * The cached copy of {@code id} if there is one whose files match its manifest and that loads;
   * null otherwise (an unusable copy is deleted, with a warning saying why).
   */
  PersistedSegment loadCached(SegmentId id) throws IOException {
    Path dir = dirFor(id);
    if (!Files.isDirectory(dir)) {
      return null;
    }
    String problem = CacheManifest.verify(id.toString(), dir);
    if (problem == null) {
      try {
        PersistedSegment segment = PersistedSegment.load(dir.toFile());
        log.info("Segment[{}] loaded from the segment cache[{}]", id, dir);
        return segment;
      } catch (IOException | RuntimeException e) {
        problem = "it does not load: " + describe(e);
      }
    }
    log.warn("Cached copy of segment[{}] in[{}] is unusable and is deleted: {}", id, dir, problem);
    SegmentFiles.deleteRecursively(dir);
    return null;
  }

  /** Pulls {@code segment} from deep storage into its directory (replacing what is there) and loads it. */
  PersistedSegment pullAndLoad(DataSegment segment) throws IOException {
    SegmentId id = segment.getId();
    Path dir = dirFor(id);
    Path pulling = dir.resolveSibling(dir.getFileName() + PULLING + UUID.randomUUID());
    try {
      Files.createDirectories(dir.getParent());
      long bytes = deepStorage.pull(segment.getLoadSpec(), pulling.toFile());
      CacheManifest.compute(id.toString(), pulling).write(pulling);
      SegmentFiles.deleteRecursively(dir);
      Files.move(pulling, dir, StandardCopyOption.ATOMIC_MOVE);
      SegmentFiles.syncDirectory(dir.getParent());
      log.info("Segment[{}] pulled from deep storage[{}] into the segment cache[{}] ({} bytes)", id,
          segment.getLoadSpec().get("path"), dir, bytes);
    } catch (IOException e) {
      SegmentFiles.deleteQuietly(pulling);
      throw e;
    }
    try {
      return PersistedSegment.load(dir.toFile());
    } catch (IOException | RuntimeException e) {
      SegmentFiles.deleteQuietly(dir);
      throw new IOException("Segment[" + id + "] pulled from deep storage[" + segment.getLoadSpec().get("path")
          + "] does not load: " + describe(e), e);
    }
  }

  /** Deletes the cached copy of {@code id} and the parent directories it leaves empty. */
  void delete(SegmentId id) throws IOException {
    Path dir = dirFor(id);
    SegmentFiles.deleteRecursively(dir);
    SegmentFiles.deleteEmptyParents(dir.getParent(), location);
  }

  /**
   * Deletes every cached segment (and unfinished pull) that is not one of {@code keep}. Directories
   * at the segment level that this cache did not write (no manifest) are left alone with a warning.
   */
  void deleteAllExcept(Collection<SegmentId> keep) {
    if (!Files.isDirectory(location)) {
      return;
    }
    Set<Path> kept = new HashSet<>();
    keep.forEach(id -> kept.add(dirFor(id)));
    List<Path> segmentLevel = new ArrayList<>();
    try (Stream<Path> dirs = Files.find(location, 4,
        (p, attrs) -> attrs.isDirectory() && location.relativize(p).getNameCount() == 4)) {
      dirs.forEach(segmentLevel::add);
    } catch (IOException | UncheckedIOException e) {
      log.warn("Cannot list the segment cache[{}]; nothing is cleaned up: {}", location, e.getMessage());
      return;
    }
    for (Path dir : segmentLevel) {
      if (kept.contains(dir)) {
        continue;
      }
      if (!dir.getFileName().toString().contains(PULLING) && !Files.exists(dir.resolve(CacheManifest.FILE_NAME))) {
        log.warn("Directory[{}] in the segment cache was not written by this Historical; leaving it alone", dir);
        continue;
      }
      IOException e = SegmentFiles.deleteQuietly(dir);
      if (e == null) {
        log.info("Deleted [{}] from the segment cache: the segment is not used", dir);
        SegmentFiles.deleteEmptyParents(dir.getParent(), location);
      } else {
        log.warn("Cannot delete [{}] from the segment cache: {}", dir, SegmentFiles.describe(e));
      }
    }
  }

  static String describe(Throwable e) {
    if (e instanceof IOException io) {
      return SegmentFiles.describe(io);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
  }
}
