package io.kafkaindexing.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftStorageTest {
  @TempDir
  Path dir;

  @Test
  void writtenServerPropertiesReadBackUnchangedAndSorted() throws Exception {
    Map<String, String> values = Map.of(
        "listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
        "log.dirs", "C:\\kafka\\logs",
        "odd key=with:separators", " leading space #and! more",
        "multi.line", "a\nb\tc",
        "empty", "");
    Path file = dir.resolve("server.properties");
    KraftStorage.writeProperties(file, values);

    Properties read = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read.load(reader);
    }
    Map<String, String> back = new HashMap<>();
    read.stringPropertyNames().forEach(k -> back.put(k, read.getProperty(k)));
    assertEquals(values, back);

    List<String> keys = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#")).map(l -> l.substring(0, 3)).toList();
    assertEquals(keys.stream().sorted().toList(), keys);
  }
}
