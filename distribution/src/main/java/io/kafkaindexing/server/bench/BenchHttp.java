package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's HTTP client for the server's REST APIs, as a user's client would call them: one
 * keep-alive {@link HttpClient}, JSON bodies. Thread-safe.
 */
public final class BenchHttp {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** A response's status and body. */
  public record Response(int status, String body) {
    public JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  public Response get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  public Response post(String url, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POSTs {@code body} and returns the JSON answer, failing on any status but 200. */
  public JsonNode postOk(String url, String body) throws IOException, InterruptedException {
    Response r = post(url, body);
    if (r.status() != 200) {
      throw new IllegalStateException("POST " + url + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  /** GETs {@code url} and returns the JSON answer, failing on any status but 200. */
  public JsonNode getOk(String url) throws IOException, InterruptedException {
    Response r = get(url);
    if (r.status() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(120)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }
}
