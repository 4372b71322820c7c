package dev.idvharness.stub.serve;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request as WireMock may safely see it: without {@code Content-Encoding}, and without a body when that body is
 * compressed (a Content-Encoding other than identity was declared, or it begins with the gzip magic bytes 1f 8b).
 * Anything else passes through untouched, byte for byte.
 */
final class PlainBodyRequest extends HttpServletRequestWrapper {

  private static final String CONTENT_ENCODING = "Content-Encoding";

  /** More than this of a refused body is not worth reading: the connection closes instead. */
  static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

  private final int maxBodyBytes;
  private ServletInputStream body;

  PlainBodyRequest(HttpServletRequest request, int maxBodyBytes) {
    super(request);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public String getHeader(String name) {
    return isContentEncoding(name) ? null : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return isContentEncoding(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    if (super.getHeader(CONTENT_ENCODING) == null) {
      return super.getHeaderNames(); // the usual request: nothing to hide, no copy (WireMock asks three times)
    }
    return Collections.enumeration(
        Collections.list(super.getHeaderNames()).stream().filter(name -> !isContentEncoding(name)).toList());
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (body == null) {
      if (declaresEncoding()) {
        body = new PrefixedInputStream(new byte[0], null);
      } else if (getContentLengthLong() > maxBodyBytes) {
        body = refused(super.getInputStream());
      } else {
        body = withinLimit(unlessGzip(super.getInputStream()));
      }
    }
    return body;
  }

  private boolean declaresEncoding() {
    String encoding = super.getHeader(CONTENT_ENCODING);
    return encoding != null && !encoding.isBlank() && !encoding.trim().toLowerCase(Locale.ROOT).equals("identity");
  }

  /** Reads the first two bytes: the gzip magic ends the body there, anything else is replayed before the rest. */
  private static ServletInputStream unlessGzip(ServletInputStream in) throws IOException {
    byte[] start = in.readNBytes(2);
    boolean gzip = start.length == 2 && start[0] == (byte) 0x1f && start[1] == (byte) 0x8b;
    return gzip ? new PrefixedInputStream(new byte[0], null) : new PrefixedInputStream(start, in);
  }

  /**
   * A body of unknown length (chunked) is read up to the limit: within it, it is replayed; past it, it is no body.
   * At most {@code maxBodyBytes + 1} bytes are ever held, whatever the client sends.
   */
  private ServletInputStream withinLimit(ServletInputStream in) throws IOException {
    if (getContentLengthLong() >= 0) {
      return in;
    }
    byte[] head = in.readNBytes(maxBodyBytes + 1);
    return head.length > maxBodyBytes ? refused(in) : new PrefixedInputStream(head, null);
  }

  /**
   * A body over the limit is no body. What the client still sends is read and dropped, a buffer at a time (never
   * held), so that it can read the answer; past {@link #MAX_DRAINED_BYTES} the connection is left to close.
   */
  private static ServletInputStream refused(ServletInputStream in) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long drained = 0;
    int read;
    while (drained < MAX_DRAINED_BYTES && (read = in.read(buffer)) >= 0) {
      drained += read;
    }
    return new PrefixedInputStream(new byte[0], null);
  }

  private static boolean isContentEncoding(String name) {
    return CONTENT_ENCODING.equalsIgnoreCase(name);
  }

  /** Some bytes already read, then the rest of the original stream (none when {@code rest} is null). */
  private static final class PrefixedInputStream extends ServletInputStream {

    private final byte[] prefix;
    private final ServletInputStream rest;
    private int next;

    PrefixedInputStream(byte[] prefix, ServletInputStream rest) {
      this.prefix = prefix;
      this.rest = rest;
    }

    @Override
    public int read() throws IOException {
      if (next < prefix.length) {
        return prefix[next++] & 0xff;
      }
      return rest == null ? -1 : rest.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (next < prefix.length) {
        int count = Math.min(length, prefix.length - next);
        System.arraycopy(prefix, next, buffer, offset, count);
        next += count;
        return count;
      }
      return rest == null ? -1 : rest.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return next >= prefix.length && (rest == null || rest.isFinished());
    }

    @Override
    public boolean isReady() {
      return next < prefix.length || rest == null || rest.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      if (rest == null) {
        throw new IllegalStateException("no body to read asynchronously");
      }
      rest.setReadListener(listener);
    }
  }
}
