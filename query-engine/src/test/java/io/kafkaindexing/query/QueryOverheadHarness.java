package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.query.timeline.ServerType;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.read.Segment;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A manual measuring harness, not a test: the bench's search and timeseries-by-hour queries (and a
 * timeseries over an empty interval, the fixed cost of a request) over 24 hourly persisted segments
 * of bench-like rows announced as the Historical's, through the Broker's real injector and HTTP server
 * on 127.0.0.1 with a minimal keep-alive socket client. Per query: the first 3 + 20 requests (the
 * bench's protocol on a JVM that has not run the query yet) and requests after a long warm-up, as
 * wall-clock p50 and the CPU of the server's threads per request; then each step
 * of the request in-process (JSON read, executor, JSON write) in this thread's CPU time. Prints,
 * never asserts. Run with the test class path:
 * {@code java -cp ... io.kafkaindexing.query.QueryOverheadHarness <dir> [rows] [warmRuns]}.
 */
public final class QueryOverheadHarness {
  private static final String DS = "\"dataSource\":\"metrics-kafka\",";
  private static final String AGGREGATIONS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\","
      + "\"fieldName\":\"views\"},{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]";
  static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("search", "{\"queryType\":\"search\"," + DS + "\"searchDimensions\":[\"user\"],"
        + "\"query\":{\"type\":\"insensitive_contains\",\"value\":\"user4242\"},\"granularity\":\"all\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"]}");
    QUERIES.put("timeseries-hour", "{\"queryType\":\"timeseries\"," + DS + "\"granularity\":\"hour\","
        + AGGREGATIONS + ",\"intervals\":[\"2018-03-06/2018-03-07\"]}");
    QUERIES.put("timeseries-empty", "{\"queryType\":\"timeseries\"," + DS + "\"granularity\":\"all\","
        + AGGREGATIONS + ",\"intervals\":[\"2000-01-01/2000-01-02\"]}");
  }

  private QueryOverheadHarness() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
    int warmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    List<String> only = args.length > 3 ? List.of(args[3].split(",")) : List.copyOf(QUERIES.keySet());
    Map<Long, Segment> segments = MergeHarness.segments(dir, rows);
    Path extensions = Files.createTempDirectory("extensions");
    RuntimeProperties props = new RuntimeProperties(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.server.bindAddress", "127.0.0.1",
        "druid.metadata.storage.connector.connectURI", "jdbc:derby:memory:overhead-" + UUID.randomUUID() + ";create=true",
        "druid.extensions.directory", extensions.toString()));
    Injector injector = Initialization.makeInjector(props, List.of(new QueryModule()));
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    try {
      int port = injector.getInstance(HttpServer.class).port(NodeRole.BROKER);
      SegmentRegistry registry = injector.getInstance(SegmentRegistry.class);
      segments.forEach((start, s) -> registry.announce(new SegmentId(SeedData.DATA_SOURCE,
          Granularities.HOUR.bucket(start), "v1", 0), s, ServerType.HISTORICAL));
      try (Client client = new Client(port)) {
        // Count queries over all time first, as the bench's polls have run them before its queries.
        int polls = Integer.getInteger("polls", 100);
        for (int i = 0; i < polls; i++) {
          client.post("{\"queryType\":\"timeseries\"," + DS + "\"granularity\":\"all\"," + AGGREGATIONS
              + ",\"intervals\":[\"2000-01-01/2100-01-01\"]}");
        }
        if (Boolean.getBoolean("coldSteps")) {
          for (String name : only) {
            steps(injector.getInstance(ObjectMapper.class), injector.getInstance(QueryExecutor.class), List.of(name),
                3, 20);
          }
          return;
        }
        for (String name : only) {
          String body = QUERIES.get(name);
          measure(client, name + " first 3+20", body, 3, 20);
        }
        if (warmRuns > 0) {
          for (String name : only) {
            measure(client, name + " warm", QUERIES.get(name), warmRuns, 200);
          }
        }
      }
      if (warmRuns > 0) {
        steps(injector.getInstance(ObjectMapper.class), injector.getInstance(QueryExecutor.class), only, 500, 2000);
      }
    } finally {
      lifecycle.stop();
    }
  }

  private static void measure(Client client, String label, String body, int warmups, int runs) throws Exception {
    for (int i = 0; i < warmups; i++) {
      client.post(body);
    }
    System.out.println("measuring " + label + " from " + java.time.Instant.now());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[runs];
    double[] server = new double[runs];
    int bytes = 0;
    for (int i = 0; i < runs; i++) {
      long p0 = otherThreadsCpu(threads);
      long w0 = System.nanoTime();
      bytes = client.post(body).length;
      long w1 = System.nanoTime();
      long p1 = otherThreadsCpu(threads);
      wall[i] = (w1 - w0) / 1e6;
      server[i] = (p1 - p0) / 1e6;
    }
    System.out.printf("%-28s wall p50 %.3f ms (p95 %.3f), server threads CPU p50 %.3f ms, %d bytes, load %s%n", label,
        pct(wall, 0.5), pct(wall, 0.95), pct(server, 0.5), bytes, Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /** CPU time of every live Java thread but this one (the server's; JIT and GC threads are not listed). */
  private static long otherThreadsCpu(ThreadMXBean threads) {
    long self = Thread.currentThread().getId();
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      if (id != self) {
        long t = threads.getThreadCpuTime(id);
        sum += Math.max(0, t);
      }
    }
    return sum;
  }

  /** Each step of a request in this thread's CPU time, warm. */
  private static void steps(ObjectMapper mapper, QueryExecutor executor, List<String> only, int warmups, int runs)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String name : only) {
      byte[] body = QUERIES.get(name).getBytes(StandardCharsets.UTF_8);
      double[] read = new double[runs];
      double[] exec = new double[runs];
      double[] write = new double[runs];
      for (int r = -warmups; r < runs; r++) {
        long t0 = threads.getCurrentThreadCpuTime();
        Query query = mapper.readValue(body, Query.class);
        long t1 = threads.getCurrentThreadCpuTime();
        List<?> results = executor.run(query.withId("q"));
        long t2 = threads.getCurrentThreadCpuTime();
        byte[] json = mapper.writeValueAsBytes(results);
        long t3 = threads.getCurrentThreadCpuTime();
        if (r >= 0) {
          read[r] = (t1 - t0) / 1e3;
          exec[r] = (t2 - t1) / 1e3;
          write[r] = (t3 - t2) / 1e3;
        }
        if (json.length == 0) {
          throw new IllegalStateException();
        }
      }
      System.out.printf("%-20s steps after %d warm-ups (this thread's CPU p50, µs): read %.0f, executor %.0f, write %.0f%n", name, warmups,
          pct(read, 0.5), pct(exec, 0.5), pct(write, 0.5));
    }
  }

  private static double pct(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
  }

  /** HTTP/1.1 POST on one keep-alive socket; reads the Content-Length body. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final int port;

    Client(int port) throws Exception {
      this.port = port;
      this.socket = new Socket("127.0.0.1", port);
      socket.setTcpNoDelay(true);
      this.out = socket.getOutputStream();
      this.in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    byte[] post(String json) throws Exception {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String head = "POST /druid/v2 HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n";
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      req.write(head.getBytes(StandardCharsets.US_ASCII));
      req.write(body);
      out.write(req.toByteArray());
      out.flush();
      int length = -1;
      int status = -1;
      StringBuilder line = new StringBuilder();
      while (true) {
        int c = in.read();
        if (c < 0) {
          throw new IllegalStateException("connection closed");
        }
        if (c == '\n') {
          String l = line.toString().trim();
          line.setLength(0);
          if (l.isEmpty()) {
            break;
          }
          if (status < 0) {
            status = Integer.parseInt(l.split(" ")[1]);
          } else if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
            length = Integer.parseInt(l.substring(15).trim());
          }
        } else {
          line.append((char) c);
        }
      }
      if (length < 0) {
        throw new IllegalStateException("no Content-Length");
      }
      byte[] response = in.readNBytes(length);
      if (status != 200) {
        throw new IllegalStateException("status " + status + ": " + new String(response, StandardCharsets.UTF_8));
      }
      return response;
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }
}
