package io.kafkaindexing.query.historical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.storage.DeepStorageConfig;
import io.kafkaindexing.core.storage.LocalDeepStorage;
import io.kafkaindexing.core.storage.PushedSegment;
import io.kafkaindexing.core.storage.SegmentFiles;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joda.time.Interval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment cache: Druid's layout, checksummed copies, corrupt copies pulled again, and the sweep. */
class SegmentCacheTest {
  @TempDir
  Path tmp;

  private LocalDeepStorage deepStorage;
  private SegmentCache cache;
  private DataSegment segment;
  private Path persisted;

  /** The seed's hour as a persisted segment pushed to deep storage, with its druid_segments record. */
  static DataSegment publishSeed(LocalDeepStorage deepStorage, Path persisted, String version) throws IOException {
    Map<Long, IncrementalIndex> indexes = SeedData.indexBySegment(
        SeedData.inputRows(SeedData.events(QueryTestMapper.create())), Granularities.HOUR,
        SeedData::seedSchema);
    Map.Entry<Long, IncrementalIndex> hour = indexes.entrySet().iterator().next();
    Interval interval = Granularities.HOUR.bucket(hour.getKey());
    SegmentWriter.persist(hour.getValue(), interval, persisted.toFile());
    SegmentId id = new SegmentId(SeedData.DATA_SOURCE, interval, version, 0);
    PushedSegment pushed = deepStorage.push(persisted.toFile(), id.dataSource(), interval, version, 0);
    try (PersistedSegment s = PersistedSegment.load(persisted.toFile())) {
      return new DataSegment(id, pushed.loadSpec(), s.getDimensionNames(), s.getMetricNames(), pushed.sizeBytes());
    }
  }

  @BeforeEach
  void publish() throws IOException {
    deepStorage = new LocalDeepStorage(DeepStorageConfig.local(tmp.resolve("deep").toFile(), false));
    cache = new SegmentCache(tmp.resolve("cache"), deepStorage);
    persisted = tmp.resolve("persisted");
    segment = publishSeed(deepStorage, persisted, SeedData.SEED_VERSION);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = new ArrayList<>(s.map(p -> p.getFileName().toString()).toList());
      Collections.sort(names);
      return names;
    }
  }

  @Test
  void pullsIntoDruidsCacheLayoutWithAManifest() throws Exception {
    try (PersistedSegment s = cache.load(segment)) {
      Path dir = tmp.resolve("cache/metrics-kafka/2018-03-06T09:00:00.000Z_2018-03-06T10:00:00.000Z/"
          + SeedData.SEED_VERSION + "/0");
      assertEquals(dir.toFile().getAbsoluteFile(), s.getDirectory().getAbsoluteFile());
      assertEquals(List.of("00000.smoosh", CacheManifest.FILE_NAME, "factory.json", "meta.smoosh", "version.bin"),
          names(dir));
      for (String name : names(persisted)) {
        assertArrayEquals(Files.readAllBytes(persisted.resolve(name)), Files.readAllBytes(dir.resolve(name)), name);
      }
      assertEquals(3, s.getNumRows());
      assertNull(CacheManifest.verify(segment.getId().toString(), dir));
      assertEquals(List.of("0"), names(dir.getParent()), "no unfinished pull is left next to it");
    }
  }

  @Test
  void aVerifiedCachedCopyIsReusedWithoutDeepStorage() throws Exception {
    cache.load(segment).close();
    deleteDeepStorageCopy();
    try (PersistedSegment s = cache.loadCached(segment.getId())) {
      assertNotNull(s);
      assertEquals(3, s.getNumRows());
    }
    try (PersistedSegment s = cache.load(segment)) {
      assertEquals(3, s.getNumRows());
    }
  }

  @Test
  void aCorruptCachedCopyIsDeletedAndPulledAgain() throws Exception {
    Path dir = cache.load(segment).getDirectory().toPath();
    Path smoosh = dir.resolve("00000.smoosh");
    byte[] original = Files.readAllBytes(smoosh);
    byte[] corrupt = original.clone();
    corrupt[corrupt.length / 2] ^= 0x01; // inside column data: only the checksum can tell
    Files.write(smoosh, corrupt);
    String problem = CacheManifest.verify(segment.getId().toString(), dir);
    assertTrue(problem != null && problem.contains(smoosh.toString()) && problem.contains("CRC-32C"), problem);

    assertNull(cache.loadCached(segment.getId()));
    assertFalse(Files.exists(dir), "the corrupt copy is deleted");
    try (PersistedSegment s = cache.load(segment)) {
      assertArrayEquals(original, Files.readAllBytes(smoosh));
      assertEquals(3, s.getNumRows());
    }
  }

  @Test
  void aCopyWithoutManifestOrThatDoesNotLoadIsNotServed() throws Exception {
    Path dir = cache.load(segment).getDirectory().toPath();
    Files.delete(dir.resolve(CacheManifest.FILE_NAME));
    assertNull(cache.loadCached(segment.getId()));

    dir = cache.load(segment).getDirectory().toPath();
    Files.write(dir.resolve("version.bin"), new byte[] {0, 0, 0, 8});
    // The manifest catches it first; without the manifest check the loader would refuse version 8.
    assertNull(cache.loadCached(segment.getId()));
  }

  @Test
  void aMissingDeepStorageCopyFailsNamingThePathAndLeavesNothing() throws Exception {
    Path deep = deleteDeepStorageCopy();
    IOException e = assertThrows(IOException.class, () -> cache.load(segment));
    assertTrue(e.getMessage().contains(deep.toString()), e.getMessage());
    Path partitionParent = cache.dirFor(segment.getId()).getParent();
    assertEquals(List.of(), Files.exists(partitionParent) ? names(partitionParent) : List.of());
  }

  @Test
  void aDeepStorageCopyThatDoesNotLoadFailsNamingTheFile() throws Exception {
    Path deep = Path.of((String) segment.getLoadSpec().get("path"));
    Files.write(deep.resolve("meta.smoosh"), "v2,1,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    IOException e = assertThrows(IOException.class, () -> cache.load(segment));
    assertTrue(e.getMessage().contains("does not load") && e.getMessage().contains("meta.smoosh"), e.getMessage());
    assertFalse(Files.exists(cache.dirFor(segment.getId())));
  }

  @Test
  void theSweepDeletesUnusedSegmentsAndUnfinishedPullsButNotForeignDirectories() throws Exception {
    DataSegment other = publishSeed(deepStorage, tmp.resolve("persisted2"), "v2");
    cache.load(segment).close();
    cache.load(other).close();
    Path pulling = cache.dirFor(segment.getId()).resolveSibling("7" + SegmentCache.PULLING + "abc");
    Files.createDirectories(pulling);
    Path foreign = cache.location().resolve("ds/i/v/0");
    Files.createDirectories(foreign);

    cache.deleteAllExcept(List.of(segment.getId()));
    assertTrue(Files.isDirectory(cache.dirFor(segment.getId())));
    assertFalse(Files.exists(cache.dirFor(other.getId()).getParent()), "v2 and its emptied parents are gone");
    assertFalse(Files.exists(pulling));
    assertTrue(Files.isDirectory(foreign));

    cache.delete(segment.getId());
    assertEquals(List.of("ds"), names(cache.location()));
  }

  private Path deleteDeepStorageCopy() throws IOException {
    Path deep = Path.of((String) segment.getLoadSpec().get("path"));
    SegmentFiles.deleteRecursively(deep);
    return deep;
  }
}
