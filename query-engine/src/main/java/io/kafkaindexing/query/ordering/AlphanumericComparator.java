package io.kafkaindexing.query.ordering;

/**
 * "Natural" order ({@code alphanumeric}): values are cut into runs of digits and runs of other
 * characters; digit runs compare as numbers (a longer run without leading zeros is larger; on a
 * tie, fewer leading zeros first), other runs compare case-insensitively, and a digit run sorts
 * before a non-digit run. Null first, then {@code ""}; when all runs tie, the shorter string first.
 * Digits include the Arabic-Indic, Extended Arabic-Indic, Devanagari and full-width digit ranges.
 * Stateless.
 */
final class AlphanumericComparator implements StringComparator {
  @Override
  public String name() {
    return "alphanumeric";
  }

  @Override
  public int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(!a.isEmpty(), !b.isEmpty());
    }
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      boolean digitA = digitValue(a.codePointAt(i)) >= 0;
      boolean digitB = digitValue(b.codePointAt(j)) >= 0;
      if (digitA != digitB) {
        return digitA ? -1 : 1;
      }
      int endA = runEnd(a, i, digitA);
      int endB = runEnd(b, j, digitB);
      int c = digitA ? compareDigitRuns(a, i, endA, b, j, endB)
          : String.CASE_INSENSITIVE_ORDER.compare(a.substring(i, endA), b.substring(j, endB));
      if (c != 0) {
        return c;
      }
      i = endA;
      j = endB;
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int runEnd(String s, int from, boolean digits) {
    int k = from;
    while (k < s.length()) {
      int cp = s.codePointAt(k);
      if ((digitValue(cp) >= 0) != digits) {
        break;
      }
      k += Character.charCount(cp);
    }
    return k;
  }

  /** Compares two digit runs numerically, then by leading-zero count. */
  private static int compareDigitRuns(String a, int startA, int endA, String b, int startB, int endB) {
    int zerosA = leadingZeros(a, startA, endA);
    int zerosB = leadingZeros(b, startB, endB);
    int[] digitsA = a.substring(startA, endA).codePoints().skip(zerosA).toArray();
    int[] digitsB = b.substring(startB, endB).codePoints().skip(zerosB).toArray();
    if (digitsA.length != digitsB.length) {
      return Integer.compare(digitsA.length, digitsB.length);
    }
    for (int k = 0; k < digitsA.length; k++) {
      int c = Integer.compare(digitValue(digitsA[k]), digitValue(digitsB[k]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(zerosA, zerosB);
  }

  private static int leadingZeros(String s, int start, int end) {
    int zeros = 0;
    int k = start;
    while (k < end) {
      int cp = s.codePointAt(k);
      if (digitValue(cp) != 0) {
        break;
      }
      zeros++;
      k += Character.charCount(cp);
    }
    return zeros;
  }

  /** The value of a digit in one of the supported ranges, or -1. */
  static int digitValue(int cp) {
    int[] zeros = {'0', '\u0660', '\u06F0', '\u0966', '\uFF10'};
    for (int zero : zeros) {
      if (cp >= zero && cp <= zero + 9) {
        return cp - zero;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return name();
  }
}
