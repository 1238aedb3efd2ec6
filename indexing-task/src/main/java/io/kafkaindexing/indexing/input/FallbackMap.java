package io.kafkaindexing.indexing.input;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A row's fields with a fallback for names it does not list: iteration, {@code size} and
 * {@code containsKey} see only the listed fields (what schemaless discovery turns into dimensions),
 * while {@link #get} of another name asks the fallback. This is how Druid's flattened JSON rows
 * behave: with {@code useFieldDiscovery} off, a listed dimension or the timestamp column can still
 * read a top-level field that no flatten field declares. Read-only; immutable if its parts are.
 */
public final class FallbackMap extends AbstractMap<String, Object> {
  private final Map<String, Object> listed;
  private final Function<String, Object> fallback;

  public FallbackMap(Map<String, Object> listed, Function<String, Object> fallback) {
    this.listed = Collections.unmodifiableMap(listed);
    this.fallback = fallback;
  }

  @Override
  public Object get(Object key) {
    if (listed.containsKey(key)) {
      return listed.get(key);
    }
    return key instanceof String s ? fallback.apply(s) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return listed.containsKey(key);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return listed.entrySet();
  }

  @Override
  public int size() {
    return listed.size();
  }
}
