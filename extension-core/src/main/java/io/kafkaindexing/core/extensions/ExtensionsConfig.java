package io.kafkaindexing.core.extensions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code druid.extensions.*}: {@code directory} holds one sub-directory of jars per extension
 * (default {@code extensions}); {@code loadList} names the sub-directories to load (a JSON array;
 * absent means all of them, empty means none), as in Druid. Immutable.
 */
public final class ExtensionsConfig {
  private final String directory;
  private final List<String> loadList;

  @JsonCreator
  public ExtensionsConfig(@JsonProperty("directory") String directory,
      @JsonProperty("loadList") List<String> loadList) {
    this.directory = directory == null || directory.isBlank() ? "extensions" : directory;
    this.loadList = loadList == null ? null : List.copyOf(loadList);
  }

  @JsonProperty
  public String getDirectory() {
    return directory;
  }

  /** The extensions to load, or null for every directory found. */
  @JsonProperty
  public List<String> getLoadList() {
    return loadList;
  }
}
