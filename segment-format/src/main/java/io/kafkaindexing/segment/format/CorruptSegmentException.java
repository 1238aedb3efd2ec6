package io.kafkaindexing.segment.format;

/**
 * A segment file whose bytes do not follow the format: truncated, an unknown version byte, an
 * offset out of bounds, a block that does not decompress. The message names the file and the
 * absolute byte offset in it where reading failed, e.g.
 * {@code File[/seg/00000.smoosh] offset[1234]: GenericIndexed has unknown version[7]}.
 */
public final class CorruptSegmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;

  public CorruptSegmentException(String file, long offset, String problem) {
    super("File[" + file + "] offset[" + offset + "]: " + problem);
    this.file = file;
    this.offset = offset;
  }

  public CorruptSegmentException(String file, long offset, String problem, Throwable cause) {
    this(file, offset, problem);
    initCause(cause);
  }

  public String getFile() {
    return file;
  }

  public long getOffset() {
    return offset;
  }
}
