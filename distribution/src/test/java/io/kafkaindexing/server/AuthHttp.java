package io.kafkaindexing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real HTTP client acting as one user (HTTP Basic credentials, or none). Every response body it
 * receives is recorded, so a test can check that no secret ever left the server.
 */
final class AuthHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Every body received by any user, for the secret check. */
  static final List<String> BODIES = Collections.synchronizedList(new ArrayList<>());

  /** A response's status, body and challenge headers. */
  record Reply(int status, String body, List<String> challenges) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }
  }

  private final String name;
  private final String authorization;

  private AuthHttp(String name, String authorization) {
    this.name = name;
    this.authorization = authorization;
  }

  static AuthHttp anonymous() {
    return new AuthHttp("unauthenticated", null);
  }

  static AuthHttp user(String user, String password) {
    return new AuthHttp(user, "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  String name() {
    return name;
  }

  Reply get(String url) throws IOException, InterruptedException {
    return send("GET", url, null);
  }

  Reply post(String url, String body) throws IOException, InterruptedException {
    return send("POST", url, body);
  }

  Reply send(String method, String url, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    BODIES.add(r.body());
    return new Reply(r.statusCode(), r.body(), r.headers().allValues("WWW-Authenticate"));
  }

  /** A request repeated until its reply satisfies {@code done}. */
  @FunctionalInterface
  interface Call {
    Reply call() throws IOException, InterruptedException;
  }

  static Reply await(Call call, Predicate<Reply> done, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Reply last = call.call();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Condition not met within " + timeout + "; last reply: " + last);
      }
      Thread.sleep(200);
      last = call.call();
    }
    return last;
  }
}
