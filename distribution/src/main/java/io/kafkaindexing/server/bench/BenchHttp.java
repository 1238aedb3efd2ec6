package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's HTTP client for the server's REST APIs, called as curl calls them: HTTP/1.1 on a
 * kept-alive connection, a request's head and JSON body sent together, the answer read whole on
 * the calling thread ({@link HttpURLConnection}, whose connections Java keeps alive per host and
 * reuses once an answer was read to its end). A timing is then the server's answer and little of
 * the client's own work: Java's {@code HttpClient}, used before, hands every request to its
 * selector and executor threads and added 0.5 to 1.1 ms (p50) to each query, and a streamed body
 * (sent apart from the head) waits for the head's acknowledgement, about 1.3 ms
 * (docs/benchmarks.md, session 10). Thread-safe.
 */
public final class BenchHttp {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 120_000;

  /** A response's status and body. */
  public record Response(int status, String body) {
    public JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  public Response get(String url) throws IOException {
    return send(url, null);
  }

  public Response post(String url, String body) throws IOException {
    return send(url, body);
  }

  /** POSTs {@code body} and returns the JSON answer, failing on any status but 200. */
  public JsonNode postOk(String url, String body) throws IOException {
    Response r = post(url, body);
    if (r.status() != 200) {
      throw new IllegalStateException("POST " + url + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  /** GETs {@code url} and returns the JSON answer, failing on any status but 200. */
  public JsonNode getOk(String url) throws IOException {
    Response r = get(url);
    if (r.status() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  /**
   * GET when {@code body} is null, else a JSON POST whose body {@link HttpURLConnection} buffers and
   * sends with the head; the answer is read to its end, so that the connection is reused.
   */
  private static Response send(String url, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(CONNECT_TIMEOUT_MS);
    c.setReadTimeout(READ_TIMEOUT_MS);
    c.setUseCaches(false);
    if (body != null) {
      c.setRequestMethod("POST");
      c.setRequestProperty("Content-Type", "application/json");
      c.setDoOutput(true);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    if (in == null) {
      return new Response(status, "");
    }
    try (in) {
      return new Response(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
