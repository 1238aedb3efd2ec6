import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.druid.hll.HyperLogLogCollector;

/**
 * Judge run on Apache Druid 33's classpath (java source-file mode): prints the estimate Druid's own
 * HyperLogLogCollector gives for the values in a file, hashed as Druid's cardinality aggregator
 * hashes strings. Usage: DruidCardinality (byValue|byRow) file. A line is one row; fields are
 * separated by tabs; the token \N is a null value.
 */
public class DruidCardinality {
  public static void main(String[] args) throws Exception {
    boolean byRow = args[0].equals("byRow");
    List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    HyperLogLogCollector collector = HyperLogLogCollector.makeLatestCollector();
    for (String line : lines) {
      String[] fields = line.split("\t", -1);
      if (byRow) {
        Hasher hasher = Hashing.murmur3_128().newHasher();
        for (int k = 0; k < fields.length; k++) {
          if (k != 0) {
            hasher.putByte((byte) 0);
          }
          if (!fields[k].equals("\\N")) {
            hasher.putUnencodedChars(fields[k]);
          }
        }
        collector.add(hasher.hash().asBytes());
      } else {
        for (String field : fields) {
          if (!field.equals("\\N")) {
            collector.add(Hashing.murmur3_128().hashUnencodedChars(field).asBytes());
          }
        }
      }
    }
    System.out.println(collector.estimateCardinality());
  }
}
