package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.segment.column.ValueType;

/**
 * Base of Druid's filtered dimension specs ({@code listFiltered}, {@code regexFiltered},
 * {@code prefixFiltered}): the {@code delegate} spec's column, output name, type and extraction
 * function, keeping only the values (after the delegate's extraction) the filter accepts. A row whose
 * values are all dropped reads as null. Useful on multi-value dimensions, where a row filter keeps
 * whole rows. Immutable.
 */
public abstract class FilteredDimensionSpec implements DimensionSpec {
  private final DimensionSpec delegate;

  protected FilteredDimensionSpec(String type, DimensionSpec delegate) {
    if (delegate == null) {
      throw DruidException.invalidInput("Dimension spec of type[%s] needs a field[delegate]", type);
    }
    this.delegate = delegate;
  }

  @JsonProperty
  public DimensionSpec getDelegate() {
    return delegate;
  }

  @Override
  @JsonIgnore
  public String getDimension() {
    return delegate.getDimension();
  }

  @Override
  @JsonIgnore
  public String getOutputName() {
    return delegate.getOutputName();
  }

  @Override
  @JsonIgnore
  public ValueType getOutputType() {
    return delegate.getOutputType();
  }

  @Override
  @JsonIgnore
  public ExtractionFn getExtractionFn() {
    return delegate.getExtractionFn();
  }

  @Override
  public abstract boolean keeps(String value);
}
