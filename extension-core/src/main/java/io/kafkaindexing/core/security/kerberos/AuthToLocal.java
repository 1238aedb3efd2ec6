package io.kafkaindexing.core.security.kerberos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hadoop's {@code auth_to_local} rules, as Druid's {@code authToLocal} setting takes them: turns a
 * Kerberos principal ({@code druid/host@EXAMPLE.COM}) into a short identity ({@code druid}). Rules
 * are tried in order, the first that applies wins:
 * <ul>
 *   <li>{@code DEFAULT}: the first component, when the principal's realm is the default realm;</li>
 *   <li>{@code RULE:[n:format](regex)s/pattern/replacement/[g][/L]}: for principals with {@code n}
 *       components, {@code format} ({@code $0} the realm, {@code $1}, {@code $2} the components)
 *       gives a string; if it matches {@code regex} the substitution is applied ({@code g}: every
 *       match) and {@code /L} lowercases the result.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class AuthToLocal {
  private static final Pattern RULE = Pattern.compile(
      "RULE:\\[(\\d+):([^\\]]*)\\](?:\\(([^)]*)\\))?(?:s/([^/]*)/([^/]*)/(g)?)?(/L)?");

  private final List<Rule> rules;
  private final String defaultRealm;

  private record Rule(boolean isDefault, int components, String format, Pattern match, Pattern from, String to,
      boolean global, boolean lower) {
  }

  /**
   * @throws IllegalArgumentException naming the part of {@code rules} that cannot be read
   */
  public AuthToLocal(String rules, String defaultRealm) {
    this.defaultRealm = defaultRealm;
    List<Rule> parsed = new ArrayList<>();
    String rest = rules == null || rules.isBlank() ? "DEFAULT" : rules.trim();
    while (!rest.isEmpty()) {
      if (rest.startsWith("DEFAULT")) {
        parsed.add(new Rule(true, 0, null, null, null, null, false, false));
        rest = rest.substring("DEFAULT".length()).trim();
        continue;
      }
      Matcher m = RULE.matcher(rest);
      if (!m.lookingAt()) {
        throw new IllegalArgumentException("Invalid authToLocal rule at [" + rest + "]");
      }
      parsed.add(new Rule(false, Integer.parseInt(m.group(1)), m.group(2),
          m.group(3) == null ? null : Pattern.compile(m.group(3)),
          m.group(4) == null ? null : Pattern.compile(m.group(4)), m.group(5), m.group(6) != null,
          m.group(7) != null));
      rest = rest.substring(m.end()).trim();
    }
    this.rules = List.copyOf(parsed);
  }

  /** The short name of {@code principal}, or null when no rule applies. */
  public String map(String principal) {
    int at = principal.lastIndexOf('@');
    String realm = at < 0 ? defaultRealm : principal.substring(at + 1);
    String[] components = (at < 0 ? principal : principal.substring(0, at)).split("/");
    for (Rule rule : rules) {
      if (rule.isDefault()) {
        if (realm != null && realm.equals(defaultRealm)) {
          return components[0];
        }
        continue;
      }
      if (rule.components() != components.length) {
        continue;
      }
      String formatted = format(rule.format(), realm, components);
      if (rule.match() != null && !rule.match().matcher(formatted).matches()) {
        continue;
      }
      String result = formatted;
      if (rule.from() != null) {
        Matcher m = rule.from().matcher(formatted);
        result = rule.global() ? m.replaceAll(rule.to()) : m.replaceFirst(rule.to());
      }
      return rule.lower() ? result.toLowerCase(Locale.ROOT) : result;
    }
    return null;
  }

  private static String format(String format, String realm, String[] components) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '$' && i + 1 < format.length() && Character.isDigit(format.charAt(i + 1))) {
        int n = format.charAt(++i) - '0';
        sb.append(n == 0 ? realm : n <= components.length ? components[n - 1] : "");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
