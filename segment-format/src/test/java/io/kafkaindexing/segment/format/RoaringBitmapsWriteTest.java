package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * {@link RoaringBitmaps#write} gives the bytes of RoaringBitmap's {@code DataOutput} serialization
 * of the run-optimized bitmap (the way it was written before), for array, bitmap and run
 * containers, empty bitmaps and bitmaps over several high keys.
 */
class RoaringBitmapsWriteTest {
  @Test
  void sameBytesAsDataOutputSerialization() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      MutableRoaringBitmap b = new MutableRoaringBitmap();
      int shape = i % 5;
      int n = random.nextInt(shape == 0 ? 10 : 20_000);
      for (int k = 0; k < n; k++) {
        switch (shape) {
          case 1 -> b.add(random.nextInt(200_000));
          case 2 -> b.add(k * 3);
          case 3 -> b.add((long) k * 7, (long) k * 7 + random.nextInt(5) + 1);
          default -> b.add(random.nextInt(1 << 30));
        }
      }
      MutableRoaringBitmap expectedSource = b.clone();
      expectedSource.runOptimize();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        expectedSource.serialize(out);
      }
      assertArrayEquals(bytes.toByteArray(), RoaringBitmaps.write(b), "bitmap " + i);
    }
  }
}
