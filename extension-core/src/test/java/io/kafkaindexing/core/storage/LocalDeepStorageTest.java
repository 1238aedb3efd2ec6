package io.kafkaindexing.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Local deep storage writes Apache Druid 33's layout (checked against the paths of a real Druid 33
 * segment, {@code druid33-segments/metrics-kafka}), pulls both forms back, and fails cleanly.
 */
class LocalDeepStorageTest {
  private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  /** Druid's local storage directory on the machine that recorded the fixture (see its README). */
  private static final String DRUID_STORAGE_DIR = "/tmp/druidpeer/deepstorage/";
  private static final String DATA_SOURCE = "metrics-kafka";
  private static final Interval INTERVAL =
      new Interval("2018-03-06T09:00:00.000Z/2018-03-06T10:00:00.000Z", ISOChronology.getInstanceUTC());
  private static final String VERSION = "2026-11-26T05:39:58.476Z";

  @TempDir
  Path tmp;

  private Path fixtureSegment;
  private Path segmentDir;

  private static Path fixtureDir() {
    String dir = System.getProperty("druid33.fixtures");
    return Path.of(dir != null ? dir : "../src/test/resources/druid33-segments")
        .resolve(DATA_SOURCE).resolve("2018-03-06T09:00:00.000Z_2018-03-06T10:00:00.000Z").resolve(VERSION).resolve("0");
  }

  @BeforeEach
  void unzipFixture() throws IOException {
    fixtureSegment = fixtureDir();
    segmentDir = tmp.resolve("segment");
    SegmentFiles.unzip(fixtureSegment.resolve("index.zip"), segmentDir);
  }

  private LocalDeepStorage storage(boolean zip) {
    return new LocalDeepStorage(DeepStorageConfig.local(tmp.resolve("deep").toFile(), zip));
  }

  private JsonNode druidPayload() throws IOException {
    return new ObjectMapper().readTree(fixtureSegment.resolve("segment.json").toFile());
  }

  private static String maskUuid(String path) {
    return path.replaceAll(UUID_PATTERN, "<uuid>");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = new ArrayList<>(s.map(p -> p.getFileName().toString()).toList());
      Collections.sort(names);
      return names;
    }
  }

  @Test
  void zippedPushWritesDruidsPathsAndZip() throws Exception {
    LocalDeepStorage storage = storage(true);
    PushedSegment pushed = storage.push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, VERSION, 0);

    JsonNode druid = druidPayload();
    String druidPath = druid.get("loadSpec").get("path").asText();
    assertTrue(druidPath.startsWith(DRUID_STORAGE_DIR), druidPath);
    String ours = (String) pushed.loadSpec().get("path");
    assertTrue(ours.startsWith(storage.storageDirectory() + "/"), ours);
    assertEquals(maskUuid(druidPath.substring(DRUID_STORAGE_DIR.length())),
        maskUuid(ours.substring(storage.storageDirectory().toString().length() + 1)));
    assertTrue(ours.matches(".*/0/" + UUID_PATTERN + "/index\\.zip"), ours);
    assertEquals(Map.of("type", "local", "path", ours), pushed.loadSpec());
    assertEquals(druid.get("size").asLong(), pushed.sizeBytes());

    try (ZipFile theirs = new ZipFile(fixtureSegment.resolve("index.zip").toFile());
         ZipFile mine = new ZipFile(ours)) {
      assertEquals(Collections.list(theirs.entries()).stream().map(e -> e.getName()).toList(),
          Collections.list(mine.entries()).stream().map(e -> e.getName()).toList());
      for (var e : Collections.list(theirs.entries())) {
        assertArrayEquals(theirs.getInputStream(e).readAllBytes(),
            mine.getInputStream(mine.getEntry(e.getName())).readAllBytes(), e.getName());
      }
    }
    assertEquals(List.of(LocalDeepStorage.INTERMEDIATE_DIR, DATA_SOURCE), names(storage.storageDirectory()));
    assertEquals(List.of(), names(storage.storageDirectory().resolve(LocalDeepStorage.INTERMEDIATE_DIR)));
  }

  @Test
  void unzippedPushWritesDruidsPathsAndFiles() throws Exception {
    LocalDeepStorage storage = storage(false);
    PushedSegment pushed = storage.push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, VERSION, 0);

    String druidPath = druidPayload().get("loadSpec").get("path").asText();
    // Druid 33 with zip=false: the same path with an index/ directory (File.toURI().getPath(): trailing /).
    String expected = maskUuid(druidPath.substring(DRUID_STORAGE_DIR.length())).replace("index.zip", "index/");
    String ours = (String) pushed.loadSpec().get("path");
    assertEquals(expected, maskUuid(ours.substring(storage.storageDirectory().toString().length() + 1)));
    assertEquals(new File(ours).toURI().getPath(), ours);
    assertEquals(List.of("00000.smoosh", "factory.json", "meta.smoosh", "version.bin"), names(Path.of(ours)));
    for (String name : names(segmentDir)) {
      assertArrayEquals(Files.readAllBytes(segmentDir.resolve(name)), Files.readAllBytes(Path.of(ours, name)), name);
    }
    assertEquals(1971, pushed.sizeBytes());
    // <partitionNum>/<uuid>/index: nothing else in the segment's directories.
    Path uuidDir = Path.of(ours).getParent();
    assertEquals(List.of("index"), names(uuidDir));
    assertEquals(List.of(uuidDir.getFileName().toString()), names(uuidDir.getParent()));
  }

  @Test
  void everyPushOfOneSegmentGetsItsOwnPath() throws Exception {
    LocalDeepStorage storage = storage(false);
    PushedSegment first = storage.push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, VERSION, 3);
    PushedSegment second = storage.push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, VERSION, 3);
    assertNotEquals(first.loadSpec(), second.loadSpec());
    assertTrue(((String) first.loadSpec().get("path")).contains("/" + VERSION + "/3/"), first.toString());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void pullGivesBackThePushedFiles(boolean zip) throws Exception {
    LocalDeepStorage storage = storage(zip);
    PushedSegment pushed = storage.push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, VERSION, 0);
    Path dest = tmp.resolve("pulled");
    assertEquals(1971, storage.pull(pushed.loadSpec(), dest.toFile()));
    assertEquals(names(segmentDir), names(dest));
    for (String name : names(segmentDir)) {
      assertArrayEquals(Files.readAllBytes(segmentDir.resolve(name)), Files.readAllBytes(dest.resolve(name)), name);
    }
  }

  @Test
  void pullReadsDruidsOwnIndexZip() throws Exception {
    Path dest = tmp.resolve("pulled");
    Files.createDirectories(dest); // an existing empty directory is fine
    storage(false).pull(Map.of("type", "local", "path", fixtureSegment.resolve("index.zip").toString()), dest.toFile());
    assertEquals(List.of("00000.smoosh", "factory.json", "meta.smoosh", "version.bin"), names(dest));
  }

  @Test
  void pullOfAMissingPathFailsNamingIt() {
    Path missing = tmp.resolve("deep/metrics-kafka/nope/index/");
    Path dest = tmp.resolve("pulled");
    IOException e = assertThrows(IOException.class,
        () -> storage(false).pull(Map.of("type", "local", "path", missing + "/"), dest.toFile()));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    assertFalse(Files.exists(dest), "nothing is left at the destination");
  }

  @Test
  void pullOfACorruptZipFailsNamingIt() throws Exception {
    Path zip = tmp.resolve("corrupt/index.zip");
    Files.createDirectories(zip.getParent());
    byte[] bytes = Files.readAllBytes(fixtureSegment.resolve("index.zip"));
    bytes[100] ^= 0x5a; // inside the first entry's deflated data
    Files.write(zip, bytes);
    Path dest = tmp.resolve("pulled");
    IOException e = assertThrows(IOException.class,
        () -> storage(false).pull(Map.of("type", "local", "path", zip.toString()), dest.toFile()));
    assertTrue(e.getMessage().contains(zip.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    assertFalse(Files.exists(dest), "nothing is left at the destination");
  }

  @Test
  void pullOfATruncatedZipFailsNamingIt() throws Exception {
    Path zip = tmp.resolve("truncated/index.zip");
    Files.createDirectories(zip.getParent());
    byte[] bytes = Files.readAllBytes(fixtureSegment.resolve("index.zip"));
    Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    IOException e = assertThrows(IOException.class,
        () -> storage(false).pull(Map.of("type", "local", "path", zip.toString()), tmp.resolve("pulled").toFile()));
    assertTrue(e.getMessage().contains(zip.toString()), e.getMessage());
  }

  @Test
  void pullRefusesOtherLoadSpecsAndNonEmptyDestinations() throws Exception {
    IOException type = assertThrows(IOException.class,
        () -> storage(false).pull(Map.of("type", "s3_zip", "bucket", "b"), tmp.resolve("a").toFile()));
    assertTrue(type.getMessage().contains("type[s3_zip]"), type.getMessage());
    Path full = tmp.resolve("full");
    Files.createDirectories(full);
    Files.writeString(full.resolve("x"), "x");
    IOException busy = assertThrows(IOException.class, () -> storage(false).pull(
        Map.of("type", "local", "path", fixtureSegment.resolve("index.zip").toString()), full.toFile()));
    assertTrue(busy.getMessage().contains("not empty"), busy.getMessage());
    assertEquals(List.of("x"), names(full));
  }

  @Test
  void pushToAReadOnlyDirectoryFailsAndLeavesNothing() throws Exception {
    Path deep = tmp.resolve("deep");
    Files.createDirectories(deep);
    assertTrue(deep.toFile().setWritable(false, false));
    try {
      Assumptions.assumeFalse(Files.isWritable(deep), "permissions are not enforced for this user (root)");
      IOException e = assertThrows(IOException.class,
          () -> storage(false).push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, VERSION, 0));
      assertTrue(e.getMessage().startsWith("Cannot push segment[metrics-kafka/2018-03-06T09:00:00.000Z_"), e.getMessage());
      assertTrue(e.getMessage().contains(deep.toString()), e.getMessage());
      assertEquals(List.of(), names(deep));
    } finally {
      deep.toFile().setWritable(true, false);
    }
  }

  /** The last step fails (the partition's directory cannot be made): the staged copy is removed, nothing is published. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void pushThatFailsAtTheRenameLeavesNoPartialSegment(boolean zip) throws Exception {
    LocalDeepStorage storage = storage(zip);
    Path deep = storage.storageDirectory();
    Files.createDirectories(deep);
    Files.writeString(deep.resolve(DATA_SOURCE), "a file where the data source directory belongs");
    IOException e = assertThrows(IOException.class,
        () -> storage.push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, VERSION, 0));
    assertTrue(e.getMessage().contains(deep.resolve(DATA_SOURCE).toString()), e.getMessage());
    assertEquals(List.of(LocalDeepStorage.INTERMEDIATE_DIR, DATA_SOURCE), names(deep));
    assertEquals(List.of(), names(deep.resolve(LocalDeepStorage.INTERMEDIATE_DIR)));
    assertTrue(Files.isRegularFile(deep.resolve(DATA_SOURCE)));
  }

  @Test
  void pushRefusesADirectoryWithoutASegmentAndIdsThatAreNotDirectoryNames() throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    IOException e = assertThrows(IOException.class,
        () -> storage(false).push(empty.toFile(), DATA_SOURCE, INTERVAL, VERSION, 0));
    assertTrue(e.getMessage().contains("version.bin is missing"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("deep").resolve(DATA_SOURCE)));

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> storage(false).push(segmentDir.toFile(), "../escape", INTERVAL, VERSION, 0));
    assertTrue(bad.getMessage().contains("dataSource[../escape]"), bad.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> storage(false).push(segmentDir.toFile(), DATA_SOURCE, INTERVAL, "..", 0));
  }

  @Test
  void segmentPathsAreDruids() {
    assertEquals("ds/1970-01-01T00:00:00.000Z_1970-01-01T00:00:00.001Z/v1/0",
        SegmentPaths.storageDir("ds", new Interval(0, 1, ISOChronology.getInstanceUTC()), "v1", 0));
    // An interval in another zone is written in UTC.
    assertEquals("ds/2018-03-06T09:00:00.000Z_2018-03-06T10:00:00.000Z/v/2", SegmentPaths.storageDir("ds",
        new Interval("2018-03-06T10:00+01:00/2018-03-06T11:00+01:00"), "v", 2));
  }
}
