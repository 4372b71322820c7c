package dev.idvharness.load;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Open files held back from the run: taken before any traffic and given back when the run ends, so that a run that
 * reached the process's open-file limit (a ramp faster than the stress guard's once-a-second look, on a busy machine)
 * can still open the files its records and reports need.
 */
final class ReservedFiles {

  /** The records, the histogram logs, the reports and a jar or two: fewer than this at once. */
  static final int COUNT = 32;

  private final List<Channel> held = new ArrayList<>();

  /** Holds {@link #COUNT} descriptors on /dev/null where there is one (elsewhere, none: the guard alone). */
  static ReservedFiles take() {
    ReservedFiles reserve = new ReservedFiles();
    Path nothing = Path.of("/dev/null");
    if (Files.isReadable(nothing)) {
      try {
        for (int i = 0; i < COUNT; i++) {
          reserve.held.add(Files.newByteChannel(nothing));
        }
      } catch (IOException | RuntimeException tooFew) {
        // a limit this low is refused by ResourceBudget before the run; what was taken is still a reserve
      }
    }
    return reserve;
  }

  /** Gives them back for the end of the run. */
  void release() {
    for (Channel channel : held) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing /dev/null does not fail in a way that matters here
      }
    }
    held.clear();
  }

  int held() {
    return held.size();
  }
}
