package io.kafkaindexing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A real HTTP client for the REST APIs, with JSON helpers and deadline-bound polling. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A response's status and body. */
  record Response(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private Http() {}

  static Response get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  static Response post(String url, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }

  /** A request repeated until its response satisfies {@code done}. */
  @FunctionalInterface
  interface Call {
    Response call() throws IOException, InterruptedException;
  }

  /** Repeats {@code call} until {@code done} holds or {@code timeout} passes; returns the last response. */
  static Response await(Call call, Predicate<Response> done, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Response last = call.call();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Condition not met within " + timeout + "; last response: " + last);
      }
      Thread.sleep(100);
      last = call.call();
    }
    return last;
  }
}
