package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed walkthrough's search over the seed's three rows gives Druid's exact answer, on the
 * in-memory index, on its persisted segment, and on the segment Apache Druid 33 wrote.
 */
class SeedSearchTest {
  private final ObjectMapper mapper = QueryTestMapper.create();

  @TempDir
  Path tmp;

  private SegmentRegistry seedRegistry(SeedData.Form form) {
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, SeedData.DATA_SOURCE, Granularities.HOUR, form.of(SeedData.indexBySegment(
        SeedData.inputRows(SeedData.events(mapper)), Granularities.HOUR, SeedData::seedSchema), Granularities.HOUR,
        tmp));
    return registry;
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void seedSearchGivesDruidsAnswer(SeedData.Form form) throws Exception {
    assertSeedAnswer(seedRegistry(form));
  }

  @Test
  void seedSearchOnDruidsOwnSegmentGivesDruidsAnswer() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("druid"));
    Path zip;
    try (Stream<Path> files = Files.walk(Path.of(System.getProperty("druid33.fixtures", "../src/test/resources/druid33-segments"))
        .resolve("metrics-kafka"))) {
      zip = files.filter(p -> p.getFileName().toString().equals("index.zip")).findFirst().orElseThrow();
    }
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null;) {
        Files.copy(in, dir.resolve(e.getName()));
      }
    }
    try (PersistedSegment segment = PersistedSegment.load(dir.toFile())) {
      SegmentRegistry registry = new SegmentRegistry();
      registry.announce(new SegmentId(SeedData.DATA_SOURCE, segment.getDataInterval(), "v1", 0), segment);
      assertSeedAnswer(registry);
    }
  }

  private void assertSeedAnswer(SegmentRegistry registry) throws Exception {
    Query query = JsonBodies.read(mapper, SeedData.read("seed/search-query.json").getBytes(StandardCharsets.UTF_8),
        Query.class, "query");
    List<?> results = new QueryExecutor(registry).run(query.withId("seed"));
    assertEquals(SeedData.read("seed/search-result.json").trim(), mapper.writeValueAsString(results));
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void unknownDataSourceAndUncoveredIntervalGiveEmptyResults(SeedData.Form form) throws Exception {
    SegmentRegistry registry = seedRegistry(form);
    QueryExecutor executor = new QueryExecutor(registry);
    String other = "{\"queryType\":\"search\",\"dataSource\":\"nope\",\"intervals\":[\"2018/2019\"]}";
    assertEquals("[]", mapper.writeValueAsString(executor.run(read(other))));
    String elsewhere = "{\"queryType\":\"search\",\"dataSource\":\"metrics-kafka\",\"intervals\":[\"2019/2020\"]}";
    assertEquals("[]", mapper.writeValueAsString(executor.run(read(elsewhere))));
    String noMatch = "{\"queryType\":\"search\",\"dataSource\":\"metrics-kafka\",\"intervals\":[\"2018/2019\"],"
        + "\"query\":{\"type\":\"contains\",\"value\":\"zzz\"}}";
    assertEquals("[{\"timestamp\":\"2018-03-06T09:00:00.000Z\",\"result\":[]}]",
        mapper.writeValueAsString(executor.run(read(noMatch))));
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void allSpecWithDefaultDimensionsListsEveryValue(SeedData.Form form) throws Exception {
    SegmentRegistry registry = seedRegistry(form);
    String all = "{\"queryType\":\"search\",\"dataSource\":{\"type\":\"table\",\"name\":\"metrics-kafka\"},"
        + "\"intervals\":{\"type\":\"intervals\",\"intervals\":[\"2018-03-06T09:00/2018-03-06T10:00\"]},"
        + "\"sort\":{\"type\":\"strlen\"}}";
    assertEquals("[{\"timestamp\":\"2018-03-06T09:00:00.000Z\",\"result\":["
        + "{\"dimension\":\"url\",\"value\":\"/\",\"count\":1},"
        + "{\"dimension\":\"user\",\"value\":\"bob\",\"count\":2},"
        + "{\"dimension\":\"user\",\"value\":\"alice\",\"count\":1},"
        + "{\"dimension\":\"url\",\"value\":\"/foo/bar\",\"count\":2}]}]",
        mapper.writeValueAsString(new QueryExecutor(registry).run(read(all))));
  }

  private Query read(String json) {
    return JsonBodies.read(mapper, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
  }
}
