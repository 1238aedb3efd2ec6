package io.kafkaindexing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.ParseExceptionHandler;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.indexing.task.RowIngestionMeters;
import io.kafkaindexing.query.QueryJacksonModule;
import io.kafkaindexing.segment.SegmentJacksonModule;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Interval;

/**
 * The seed's ingestion objects, built the way the Kafka task builds them, through public entry
 * points only: the process's JSON mapper, the {@code dataSchema} of {@code supervisor-spec.json}
 * (legacy {@code parser} with a JSON {@code parseSpec}, timestampSpec {@code time}/{@code auto},
 * dimensions url and user, metrics count {@code views} and doubleSum {@code latencyMs}, hourly
 * segments, query granularity none, rollup), its input format and row parser, and the schema of
 * the incremental index of one segment. Stateless.
 */
public final class Seed {
  /** The hour segment the benchmarks index and query: 2018-03-06T00/2018-03-06T01. */
  public static final Interval HOUR = new Interval(BenchRows.DAY_START_MS, BenchRows.DAY_START_MS + BenchRows.HOUR_MS,
      org.joda.time.DateTimeZone.UTC);

  private static final IncrementalIndexAddResult ADDED = IncrementalIndexAddResult.NO_PARSE_ERRORS;

  private Seed() {}

  /** The mapper the Broker and the tasks use for specs and queries (segment and query JSON types). */
  public static ObjectMapper mapper() {
    return JsonMappers.create(List.of(new SegmentJacksonModule(), new QueryJacksonModule()));
  }

  /** The seed spec's {@code dataSchema}. */
  public static DataSchema dataSchema() {
    try (InputStream in = Seed.class.getResourceAsStream("supervisor-spec.json")) {
      if (in == null) {
        throw new IllegalStateException("supervisor-spec.json is not on the class path");
      }
      ObjectMapper mapper = mapper();
      JsonNode spec = mapper.readTree(in);
      return mapper.treeToValue(spec.get("dataSchema"), DataSchema.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input format a task of the seed spec reads with: the legacy parser's (no ioConfig.inputFormat). */
  public static InputFormat inputFormat(DataSchema schema) {
    InputFormat format = schema.legacyInputFormat();
    return schema.getDimensionsSpec().isUseSchemaDiscovery() ? format.withNestedFieldDiscovery() : format;
  }

  /** The row parser of the task: timestampSpec, dimensionsSpec, metric fields and transforms. */
  public static InputRowParser parser(DataSchema schema) {
    return new InputRowParser(schema.getTimestampSpec(), schema.getDimensionsSpec(), schema.metricFields(),
        schema.getTransformSpec().getTransforms());
  }

  /**
   * The task's record processor (format, parser, counters, parse-exception handling) handing each
   * row to {@code sink}.
   */
  public static RecordProcessor processor(DataSchema schema, java.util.function.Consumer<InputRow> sink) {
    RowIngestionMeters meters = new RowIngestionMeters();
    ParseExceptionHandler handler = new ParseExceptionHandler("jmh", meters, false, 0, 0, System::currentTimeMillis);
    return new RecordProcessor(inputFormat(schema), parser(schema), RecordProcessor.RowFilter.ACCEPT_ALL, row -> {
      sink.accept(row);
      return ADDED;
    }, meters, handler);
  }

  /** One Kafka record per row, as the task's consumer hands them to the processor. */
  public static List<InputEntity> records(List<byte[]> rows) {
    List<InputEntity> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new InputEntity("metrics", 0, i, 0L, null, rows.get(i), List.of()));
    }
    return out;
  }

  /** The rows parsed by the task's processor, in order; fails if any row does not parse. */
  public static List<InputRow> parse(DataSchema schema, List<byte[]> rows) {
    List<InputRow> out = new ArrayList<>(rows.size());
    RecordProcessor processor = processor(schema, out::add);
    records(rows).forEach(processor::process);
    if (out.size() != rows.size()) {
      throw new IllegalStateException("Parsed " + out.size() + " of " + rows.size() + " rows");
    }
    return out;
  }

  /** The schema of the in-memory index of the segment {@code interval}, as the appenderator makes it. */
  public static IncrementalIndexSchema indexSchema(DataSchema schema, Interval interval) {
    return new IncrementalIndexSchema(interval.getStartMillis(), schema.getTimestampSpec(),
        schema.getGranularitySpec().getQueryGranularity(),
        schema.getDimensionsSpec().withExtraExclusions(new ArrayList<>(schema.metricFields())),
        schema.getMetricsSpec(), schema.getGranularitySpec().isRollup());
  }

  /** An in-memory index of the hour segment holding {@code rows}. */
  public static IncrementalIndex index(DataSchema schema, List<InputRow> rows) {
    IncrementalIndex index = new IncrementalIndex(indexSchema(schema, HOUR));
    rows.forEach(index::add);
    return index;
  }
}
