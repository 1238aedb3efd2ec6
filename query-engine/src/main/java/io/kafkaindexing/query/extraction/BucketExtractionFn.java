package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * {@code {"type": "bucket", "size", "offset"}}: a number rounded down to a bucket of {@code size}
 * (default 1) shifted by {@code offset} (default 0), printed without a fraction when whole; null
 * for null and non-numbers. Immutable.
 */
public final class BucketExtractionFn implements ExtractionFn {
  private final double size;
  private final double offset;

  @JsonCreator
  public BucketExtractionFn(@JsonProperty("size") Double size, @JsonProperty("offset") Double offset) {
    this.size = size == null ? 1 : size;
    this.offset = offset == null ? 0 : offset;
  }

  @JsonProperty
  public double getSize() {
    return size;
  }

  @JsonProperty
  public double getOffset() {
    return offset;
  }

  @Override
  public String apply(Object value) {
    double v;
    if (value instanceof Number n) {
      v = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    double bucket = Math.floor((v - offset) / size) * size + offset;
    return bucket == (long) bucket ? String.valueOf((long) bucket) : String.valueOf(bucket);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketExtractionFn that && size == that.size && offset == that.offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, offset);
  }
}
