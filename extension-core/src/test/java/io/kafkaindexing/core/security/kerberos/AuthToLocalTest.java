package io.kafkaindexing.core.security.kerberos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hadoop's auth_to_local rules as the Kerberos authenticator applies them. */
class AuthToLocalTest {
  @Test
  void defaultKeepsTheFirstComponentOfTheDefaultRealm() {
    AuthToLocal rules = new AuthToLocal("DEFAULT", "EXAMPLE.COM");
    assertEquals("druid", rules.map("druid@EXAMPLE.COM"));
    assertEquals("druid", rules.map("druid/host1.example.com@EXAMPLE.COM"));
    assertNull(rules.map("druid@OTHER.COM"), "another realm needs a rule");
  }

  @Test
  void rulesFormatMatchSubstituteAndLowercase() {
    AuthToLocal rules = new AuthToLocal("RULE:[1:$1@$0](.*@OTHER\\.COM)s/@.*//\n"
        + "RULE:[2:$1](HTTP)s/.*/druid/ RULE:[1:$1](ADMIN.*)s/A/a/g/L DEFAULT", "EXAMPLE.COM");
    assertEquals("bob", rules.map("bob@OTHER.COM"));
    assertEquals("druid", rules.map("HTTP/host@EXAMPLE.COM"), "second rule");
    assertEquals("adminxa", rules.map("ADMINXA@EXAMPLE.COM"), "global substitution then lower case");
    assertEquals("carol", rules.map("carol@EXAMPLE.COM"), "falls through to DEFAULT");
    assertNull(rules.map("x/y/z@ELSEWHERE"));
  }

  @Test
  void unreadableRuleIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AuthToLocal("RULE:oops", "EXAMPLE.COM"));
    assertEquals("Invalid authToLocal rule at [RULE:oops]", e.getMessage());
  }
}
