package io.kafkaindexing.segment.persisted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The real Druid 33 segments of {@code src/test/resources/druid33-segments} (see its README). */
public final class DruidFixtures {
  public static final String SEED = "metrics-kafka/2018-03-06T09:00:00.000Z_2018-03-06T10:00:00.000Z";
  public static final String RICH_10 = "rich/2018-03-06T10:00:00.000Z_2018-03-06T11:00:00.000Z";
  public static final String RICH_11 = "rich/2018-03-06T11:00:00.000Z_2018-03-06T12:00:00.000Z";
  public static final String BENCH = "metrics-bench-tc1/2018-03-06T10:00:00.000Z_2018-03-06T11:00:00.000Z";
  public static final List<String> ALL = List.of(SEED, RICH_10, RICH_11, BENCH);

  private DruidFixtures() {}

  public static Path root() {
    String dir = System.getProperty("druid33.fixtures");
    Path root = Path.of(dir != null ? dir : "../src/test/resources/druid33-segments");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("Druid 33 fixtures not found at " + root.toAbsolutePath());
    }
    return root;
  }

  /** The {@code <version>/<partition>} folder of a segment: index.zip and the dumps. */
  public static Path segmentDir(String segment) {
    try (Stream<Path> s = Files.walk(root().resolve(segment))) {
      return s.filter(p -> p.getFileName().toString().equals("index.zip")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no index.zip under " + segment)).getParent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unzips the segment's index.zip into {@code target} and returns it. */
  public static Path unzip(String segment, Path target) throws IOException {
    Files.createDirectories(target);
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(segmentDir(segment).resolve("index.zip")))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
        Files.copy(zip, target.resolve(e.getName()));
      }
    }
    return target;
  }

  /** A dump file of the segment (gunzipped when only the .gz exists). */
  public static String dump(String segment, String name) throws IOException {
    Path dir = segmentDir(segment);
    Path plain = dir.resolve(name);
    if (Files.exists(plain)) {
      return Files.readString(plain, StandardCharsets.UTF_8);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".gz")))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
