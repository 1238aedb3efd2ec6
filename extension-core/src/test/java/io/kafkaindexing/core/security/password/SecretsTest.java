package io.kafkaindexing.core.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masking of secrets in answers, restoring them on re-post, and resolving providers for the client. */
class SecretsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SPEC = "{\"type\":\"kafka\",\"spec\":{\"ioConfig\":{\"consumerProperties\":{"
      + "\"bootstrap.servers\":\"b:9092\",\"sasl.jaas.config\":\"PlainLoginModule required password='s3cr3t';\","
      + "\"ssl.truststore.password\":\"tspw\",\"my.Secret.key\":\"k\","
      + "\"ssl.key.password\":{\"type\":\"environment\",\"variable\":\"KEY_PW\"},"
      + "\"ssl.keystore.password\":{\"type\":\"default\",\"password\":\"kspw\"},"
      + "\"druid.dynamic.config.provider\":{\"type\":\"mapString\",\"config\":{\"sasl.password\":\"inline\"}}"
      + "}}},\"history\":[{\"consumerProperties\":{\"password\":\"old\"}}]}";

  @Test
  void masksEverySecretInConsumerPropertiesAtAnyDepth() throws Exception {
    JsonNode masked = SecretMasker.mask(JSON.readTree(SPEC));
    String text = masked.toString();
    for (String secret : new String[] {"s3cr3t", "tspw", "\"k\"", "kspw", "inline", "old"}) {
      assertFalse(text.contains(secret), secret + " leaked: " + text);
    }
    JsonNode props = masked.get("spec").get("ioConfig").get("consumerProperties");
    assertEquals("b:9092", props.get("bootstrap.servers").asText());
    assertEquals(Secrets.MASK, props.get("sasl.jaas.config").asText());
    assertEquals(Secrets.MASK, props.get("my.Secret.key").asText());
    assertEquals(Secrets.MASK, props.get("ssl.keystore.password").asText());
    assertEquals("KEY_PW", props.get("ssl.key.password").get("variable").asText(), "a variable name is not secret");
    assertEquals(Secrets.MASK, props.get("druid.dynamic.config.provider").get("config").get("sasl.password").asText());
  }

  @Test
  void repostingAMaskedSpecKeepsTheStoredSecrets() throws Exception {
    JsonNode stored = JSON.readTree(SPEC);
    JsonNode submitted = SecretMasker.mask(JSON.readTree(SPEC));
    ((com.fasterxml.jackson.databind.node.ObjectNode) submitted.get("spec").get("ioConfig").get("consumerProperties"))
        .put("bootstrap.servers", "c:9092");
    JsonNode restored = SecretMasker.restore(submitted, stored);
    JsonNode props = restored.get("spec").get("ioConfig").get("consumerProperties");
    assertEquals("c:9092", props.get("bootstrap.servers").asText(), "edits are kept");
    assertEquals(stored.get("spec").get("ioConfig").get("consumerProperties").get("sasl.jaas.config"),
        props.get("sasl.jaas.config"));
    assertEquals("tspw", props.get("ssl.truststore.password").asText());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SecretMasker.restore(SecretMasker.mask(JSON.readTree(SPEC)), null));
    assertTrue(e.getMessage().contains("consumerProperties["), e.getMessage());
  }

  @Test
  void providersResolveForTheClient() throws Exception {
    String path = System.getenv("PATH");
    Map<String, Object> props = JSON.readValue("{\"bootstrap.servers\":\"b:9092\","
        + "\"ssl.key.password\":{\"type\":\"environment\",\"variable\":\"PATH\"},"
        + "\"ssl.keystore.password\":{\"type\":\"default\",\"password\":\"kspw\"},"
        + "\"sasl.mechanism\":\"PLAIN\","
        + "\"druid.dynamic.config.provider\":{\"type\":\"mapString\",\"config\":{\"sasl.mechanism\":\"SCRAM\","
        + "\"sasl.jaas.config\":\"jaas\"}}}", new TypeReference<Map<String, Object>>() { });
    Map<String, String> resolved = ClientProperties.resolve(props);
    assertEquals(path, resolved.get("ssl.key.password"));
    assertEquals("kspw", resolved.get("ssl.keystore.password"));
    assertEquals("jaas", resolved.get("sasl.jaas.config"), "from the dynamic provider");
    assertEquals("PLAIN", resolved.get("sasl.mechanism"), "explicit properties win, as in Druid");
    assertFalse(resolved.containsKey(DynamicConfigProviders.KEY));

    Map<String, Object> env = Map.of(DynamicConfigProviders.KEY,
        Map.of("type", "environment", "variables", Map.of("sasl.jaas.config", "PATH")));
    assertEquals(path, ClientProperties.resolve(env).get("sasl.jaas.config"));
    Map<String, Object> missing = Map.of("ssl.key.password",
        Map.of("type", "environment", "variable", "NO_SUCH_VARIABLE_FOR_THIS_TEST"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientProperties.resolve(missing));
    assertTrue(e.getMessage().contains("NO_SUCH_VARIABLE_FOR_THIS_TEST"), e.getMessage());
  }

  @Test
  void passwordProvidersNeverPrintThePassword() throws Exception {
    PasswordProvider plain = JSON.readValue("\"pw1\"", PasswordProvider.class);
    PasswordProvider typed = JSON.readValue("{\"type\":\"default\",\"password\":\"pw2\"}", PasswordProvider.class);
    assertEquals("pw1", plain.getPassword());
    assertEquals("pw2", typed.getPassword());
    assertFalse(plain.toString().contains("pw1"));
    assertFalse(JSON.writeValueAsString(typed).contains("pw2"));
    PasswordProvider env = JSON.readValue("{\"type\":\"environment\",\"variable\":\"PATH\"}", PasswordProvider.class);
    assertEquals(System.getenv("PATH"), env.getPassword());
    assertThrows(Exception.class, () -> JSON.readValue("{\"type\":\"vault\"}", PasswordProvider.class));
  }

  @Test
  void secretKeys() {
    assertTrue(Secrets.isSecretKey("sasl.jaas.config"));
    assertTrue(Secrets.isSecretKey("ssl.truststore.password"));
    assertTrue(Secrets.isSecretKey("basic.auth.user.SECRET"));
    assertFalse(Secrets.isSecretKey("bootstrap.servers"));
    assertFalse(Secrets.isSecretKey("sasl.mechanism"));
  }
}
