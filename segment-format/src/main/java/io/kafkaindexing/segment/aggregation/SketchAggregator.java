package io.kafkaindexing.segment.aggregation;

/**
 * An aggregator that folds each row into one {@link HyperLogLogSketch} ({@code hyperUnique},
 * {@code cardinality}): the value is the sketch, never null; numeric reads give its estimate.
 * Subclasses say how a row goes into {@link #sketch}. Not thread-safe.
 */
public abstract class SketchAggregator implements Aggregator {
  protected final HyperLogLogSketch sketch = new HyperLogLogSketch();

  @Override
  public Object get() {
    return sketch;
  }

  @Override
  public boolean isNull() {
    return false;
  }

  @Override
  public long getLong() {
    return Math.round(sketch.estimate());
  }

  @Override
  public double getDouble() {
    return sketch.estimate();
  }
}
