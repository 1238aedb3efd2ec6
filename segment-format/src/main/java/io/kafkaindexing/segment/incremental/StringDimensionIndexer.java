package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.spec.DimensionSchema.MultiValueHandling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * A string dimension: values dictionary-encoded in arrival order; a row stores the int[] of its
 * value ids, or null. JSON arrays are multi-value rows, ordered per {@code multiValueHandling}
 * (sorted with duplicates, sorted set, or as given); an empty array is null; a one-element array
 * is a single value. Keeps one Roaring bitmap of row ids per value unless
 * {@code createBitmapIndex} is false. The bitmaps are brought up to date when a reader asks for
 * them ({@link #indexes()}), from the rows stored since the last reader, rather than on every add:
 * growing small Roaring containers row by row took 10% of the add path in
 * {@code IngestHotPathBench}, and most readers (persisting, unfiltered queries) never look at them.
 */
final class StringDimensionIndexer extends DimensionIndexer {
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
  /** Estimated bitmap growth per indexed row value (Roaring array containers: 2 bytes a value). */
  private static final int BITMAP_BYTES_PER_VALUE = 2;
  private static final int EMPTY_BITMAP_BYTES = 48;
  /** The value-order list and rank array: an int each per value (more while they grow). */
  private static final int RANK_BYTES_PER_VALUE = 8;

  private final StringDictionary dictionary = new StringDictionary();
  /** The shared encoded form of each single-value row by value id (see {@link #singleValue}). */
  private int[][] singleValues = new int[16][];
  private final MultiValueHandling multiValueHandling;
  /**
   * Bitmap of row ids per value id, made for the values added since the last reader when a reader
   * asks (an index of the bench's 100,000 rows holds 11,000 values, most persisted without a bitmap
   * ever being read); null when bitmap indexes are disabled.
   */
  private final List<MutableRoaringBitmap> bitmaps;
  private boolean hasMultipleValues;
  private long indexBytes;
  /** Value ids in value order (nulls first), for the ids ranked so far. */
  private final TimeOrderedRows.IdList idsInValueOrder = new TimeOrderedRows.IdList();
  /** Each ranked id's place in value order. */
  private int[] rankById = new int[0];
  /** The stored rows, read to bring the bitmaps up to date. */
  private final StoredRows storedRows;
  /** Rows whose values are in the bitmaps: ids below this. Guarded by this object's monitor. */
  private int rowsInBitmaps;

  /** The rows of the index as far as this dimension needs them. */
  interface StoredRows {
    int count();

    /** The encoded value of this dimension in row {@code rowId} (null for rows from before it existed). */
    Object encodedValue(int rowId);
  }

  StringDimensionIndexer(String name, int position, MultiValueHandling multiValueHandling, boolean bitmapIndex,
      StoredRows storedRows) {
    super(name, position);
    this.storedRows = storedRows;
    this.multiValueHandling = multiValueHandling == null ? MultiValueHandling.SORTED_ARRAY : multiValueHandling;
    this.bitmaps = bitmapIndex ? new ArrayList<>() : null;
  }

  @Override
  Object encode(Object raw, Collection<String> parseErrors) {
    if (raw instanceof List<?> list && list.size() != 1) {
      return list.isEmpty() ? encodeNull() : encodeMany(list);
    }
    Object single = raw instanceof List<?> list ? list.get(0) : raw;
    String value = Values.toStringValue(single);
    return value == null ? encodeNull() : singleValue(addValue(value));
  }

  /**
   * The encoded form of a row holding only value {@code id}: one array per value, shared by all its
   * rows (stored values are never modified), instead of a new array per row and dimension.
   */
  private int[] singleValue(int id) {
    if (id >= singleValues.length) {
      singleValues = Arrays.copyOf(singleValues, Math.max(id + 1, singleValues.length * 2));
    }
    int[] encoded = singleValues[id];
    if (encoded == null) {
      encoded = new int[] {id};
      singleValues[id] = encoded;
    }
    return encoded;
  }

  private Object encodeNull() {
    addValue(null);
    return null;
  }

  private int[] encodeMany(List<?> list) {
    List<String> values = new ArrayList<>(list.size());
    list.forEach(v -> values.add(Values.toStringValue(v)));
    if (multiValueHandling != MultiValueHandling.ARRAY) {
      values.sort(NULLS_FIRST);
    }
    int[] ids = new int[values.size()];
    int n = 0;
    for (String v : values) {
      int id = addValue(v);
      if (multiValueHandling == MultiValueHandling.SORTED_SET && n > 0 && ids[n - 1] == id) {
        continue;
      }
      ids[n++] = id;
    }
    hasMultipleValues |= n > 1;
    return n == ids.length ? ids : Arrays.copyOf(ids, n);
  }

  private int addValue(String value) {
    int before = dictionary.size();
    int id = dictionary.add(value);
    if (dictionary.size() > before) {
      indexBytes += StringDictionary.estimateEntryBytes(value) + RANK_BYTES_PER_VALUE;
      if (bitmaps != null) {
        indexBytes += EMPTY_BITMAP_BYTES; // the value's bitmap, made when a reader first asks for bitmaps
      }
    }
    return id;
  }

  /** Ranks the values added since the last call (sorted, then merged into the ranked ones). */
  @Override
  void prepareCompare() {
    int size = dictionary.size();
    if (rankById.length == size) {
      return;
    }
    for (int id = rankById.length; id < size; id++) {
      idsInValueOrder.add(id);
    }
    idsInValueOrder.sort((x, y) -> NULLS_FIRST.compare(dictionary.getValue(x), dictionary.getValue(y)));
    int[] rank = new int[size];
    for (int r = 0; r < size; r++) {
      rank[idsInValueOrder.get(r)] = r;
    }
    rankById = rank;
  }

  /**
   * Value by value (nulls first, then {@link String#compareTo}, through the ranks of
   * {@link #prepareCompare}) over the shorter array, then the shorter array first: Druid's
   * comparison of unsorted encoded keys.
   */
  @Override
  int compareEncoded(Object a, Object b) {
    int[] x = (int[]) a;
    int[] y = (int[]) b;
    int common = Math.min(x.length, y.length);
    for (int i = 0; i < common; i++) {
      if (x[i] != y[i]) {
        return Integer.compare(rankById[x[i]], rankById[y[i]]);
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /** Counts the bitmap growth the row will cost; the bitmaps themselves grow in {@link #updateBitmaps}. */
  @Override
  void index(int rowId, Object encoded) {
    if (bitmaps != null) {
      indexBytes += (long) BITMAP_BYTES_PER_VALUE * (encoded == null ? 1 : valueCount(encoded));
    }
  }

  /**
   * The values of an encoded row. Until some row held several values every encoded row holds one,
   * so the row's array (shared by all rows of its value, and rarely in cache: 10,000 users' arrays
   * are spread over the heap) is not read, nor cast: reading its length was a cache miss per row and
   * dimension, 14% of the task thread in the bench's profile.
   */
  private int valueCount(Object encoded) {
    return hasMultipleValues ? ((int[]) encoded).length : 1;
  }

  /** Rows stored before the dimension was discovered read as null (see {@link StoredRows}). */
  @Override
  void backfillNulls(int rowCount) {
    if (rowCount == 0) {
      return;
    }
    addValue(null);
  }

  /**
   * Adds a bitmap for each value added and the rows stored since the last call to the bitmaps. Called
   * by readers, which hold the index's read lock (so no row is added meanwhile); the monitor makes
   * concurrent readers take turns.
   */
  private synchronized void updateBitmaps() {
    for (int id = bitmaps.size(); id < dictionary.size(); id++) {
      bitmaps.add(new MutableRoaringBitmap());
    }
    int count = storedRows.count();
    for (int rowId = rowsInBitmaps; rowId < count; rowId++) {
      Object encoded = storedRows.encodedValue(rowId);
      if (encoded == null) {
        bitmaps.get(dictionary.nullId()).add(rowId);
      } else {
        for (int id : (int[]) encoded) {
          bitmaps.get(id).add(rowId);
        }
      }
    }
    rowsInBitmaps = count;
  }

  @Override
  long rowBytes(Object encoded) {
    return encoded == null ? 0 : 16 + 4L * valueCount(encoded);
  }

  @Override
  long indexBytes() {
    return indexBytes;
  }

  @Override
  ColumnCapabilities capabilities() {
    return new ColumnCapabilities(ValueType.STRING, true, bitmaps != null, hasMultipleValues);
  }

  @Override
  ColumnValueSelector makeSelector(RowPointer rows) {
    return new StringRowSelector(rows, position(), dictionary);
  }

  @Override
  ColumnIndexSupplier indexes() {
    if (bitmaps == null) {
      return null;
    }
    DictionaryEncodedValueIndex index = new ValueIndex();
    return new ColumnIndexSupplier() {
      @Override
      public <T> T as(Class<T> indexType) {
        return indexType.isInstance(index) ? indexType.cast(index) : null;
      }
    };
  }

  /** The dictionary and bitmaps, read under the index's read lock. */
  private final class ValueIndex implements DictionaryEncodedValueIndex {
    @Override
    public int getCardinality() {
      return dictionary.size();
    }

    @Override
    public String getValue(int id) {
      return dictionary.getValue(id);
    }

    @Override
    public int getId(String value) {
      return dictionary.getId(value);
    }

    @Override
    public ImmutableRoaringBitmap getBitmap(int id) {
      updateBitmaps();
      return id >= 0 && id < bitmaps.size() ? bitmaps.get(id) : new MutableRoaringBitmap();
    }

    @Override
    public boolean isSorted() {
      return false;
    }
  }
}
