package io.kafkaindexing.core.storage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.File;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code druid.storage.*}: {@code type} (only {@code local}, the default), {@code storageDirectory}
 * (default {@code var/druid/segments}; relative to the working directory) and {@code zip} (default
 * {@code false} as in Druid 33: segments are kept as an {@code index/} directory; {@code true} keeps
 * {@code index.zip}). Immutable.
 */
public final class DeepStorageConfig {
  public static final String TYPE_LOCAL = "local";
  public static final String DEFAULT_STORAGE_DIRECTORY = "var/druid/segments";

  private final String type;
  private final File storageDirectory;
  private final boolean zip;

  @JsonCreator
  public DeepStorageConfig(@JsonProperty("type") String type, @JsonProperty("storageDirectory") String storageDirectory,
      @JsonProperty("zip") Boolean zip) {
    String t = type == null || type.isBlank() ? TYPE_LOCAL : type.trim().toLowerCase(Locale.ROOT);
    if (!t.equals(TYPE_LOCAL)) {
      throw new IllegalArgumentException("Property[druid.storage.type] value[" + type + "] is not supported: the only"
          + " deep storage type is [" + TYPE_LOCAL + "]");
    }
    this.type = t;
    this.storageDirectory = new File(storageDirectory == null || storageDirectory.isBlank()
        ? DEFAULT_STORAGE_DIRECTORY : storageDirectory.trim());
    this.zip = zip != null && zip;
  }

  /** Local deep storage in {@code storageDirectory}. */
  public static DeepStorageConfig local(File storageDirectory, boolean zip) {
    return new DeepStorageConfig(TYPE_LOCAL, storageDirectory.getPath(), zip);
  }

  public String type() {
    return type;
  }

  /** The directory as configured (may be relative). */
  public File storageDirectory() {
    return storageDirectory;
  }

  public boolean zip() {
    return zip;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeepStorageConfig that && type.equals(that.type)
        && storageDirectory.equals(that.storageDirectory) && zip == that.zip;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, storageDirectory, zip);
  }

  @Override
  public String toString() {
    return "DeepStorageConfig{type=" + type + ", storageDirectory=" + storageDirectory + ", zip=" + zip + "}";
  }
}
