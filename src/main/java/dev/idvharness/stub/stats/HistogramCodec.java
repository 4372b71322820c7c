package dev.idvharness.stub.stats;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** A histogram as text (HdrHistogram's compressed form, base64), so that replicas can add theirs up exactly. */
final class HistogramCodec {

  private HistogramCodec() {}

  static String encode(Histogram histogram) {
    Histogram copy;
    synchronized (histogram) {
      copy = histogram.copy();
    }
    ByteBuffer buffer = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
    int length = copy.encodeIntoCompressedByteBuffer(buffer, 1);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  /** Adds the histogram {@code text} encodes into {@code into}. */
  static void addTo(Histogram into, String text) {
    try {
      into.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0));
    } catch (DataFormatException | IllegalArgumentException bad) {
      throw new IllegalArgumentException("not an encoded histogram: " + bad.getMessage());
    }
  }
}
