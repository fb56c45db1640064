package dev.lethe.bench.callbacks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal HTTP/1.1 client for load over loopback: persistent connections on blocking sockets,
 * meant for virtual threads; each request is bytes encoded once beforehand, each answer is read by
 * its {@code Content-Length} or its chunks. It costs the machine far less per request than the
 * JDK's {@code HttpClient}, which at 1,000 requests a second took most of a processor of the two
 * the server it measured had.
 */
final class RawHttp implements AutoCloseable {

  /** A status and the body as text. */
  record Answer(int status, String body) {}

  private final InetSocketAddress server;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  RawHttp(URI base) {
    this.server = new InetSocketAddress(base.getHost(), base.getPort());
  }

  /** A {@code POST} with a body of the given type, encoded. */
  static byte[] post(URI uri, String contentType, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + target(uri)
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nContent-Type: "
            + contentType
            + "\r\nAccept: application/json\r\nContent-Length: "
            + content.length
            + "\r\n\r\n";
    byte[] start = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[start.length + content.length];
    System.arraycopy(start, 0, request, 0, start.length);
    System.arraycopy(content, 0, request, start.length, content.length);
    return request;
  }

  /** A {@code GET}, encoded. */
  static byte[] get(URI uri) {
    return ("GET "
            + target(uri)
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String target(URI uri) {
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  /**
   * Sends the request on an idle connection (or a new one) and reads its answer. A kept-alive
   * connection the server closed meanwhile is replaced once, before any byte of the answer.
   */
  Answer send(byte[] request) throws IOException {
    Connection reused = idle.pollFirst();
    if (reused != null) {
      try {
        return exchange(reused, request);
      } catch (StaleConnection | java.net.SocketException stale) {
        // the server closed it while it was idle: try a fresh one
      }
    }
    return exchange(open(), request);
  }

  private Answer exchange(Connection connection, byte[] request) throws IOException {
    try {
      Response response = connection.exchange(request);
      if (response.keepAlive() && !closed) {
        idle.addFirst(connection);
      } else {
        connection.close();
      }
      return response.answer();
    } catch (IOException e) {
      connection.close();
      throw e;
    }
  }

  private Connection open() throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(server, 10_000);
      socket.setSoTimeout(60_000);
      return new Connection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      c.close();
    }
  }

  /** The connection was closed by the server before the answer's first byte. */
  private static final class StaleConnection extends IOException {
    StaleConnection() {
      super("connection closed by the server before the answer");
    }
  }

  private record Response(Answer answer, boolean keepAlive) {}

  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 8192);
      this.out = socket.getOutputStream();
    }

    Response exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line(true);
      String[] status = statusLine.split(" ", 3);
      if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.x answer: " + statusLine);
      }
      int length = -1;
      boolean chunked = false;
      boolean keepAlive = status[0].equals("HTTP/1.1");
      for (String header = line(false); !header.isEmpty(); header = line(false)) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Integer.parseInt(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      byte[] body;
      if (chunked) {
        body = chunks();
      } else if (length >= 0) {
        body = exactly(length);
      } else {
        body = in.readAllBytes();
        keepAlive = false;
      }
      return new Response(
          new Answer(Integer.parseInt(status[1]), new String(body, StandardCharsets.UTF_8)),
          keepAlive);
    }

    private byte[] chunks() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (; ; ) {
        String size = line(false);
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          while (!line(false).isEmpty()) {
            // trailers, if any
          }
          return body.toByteArray();
        }
        body.write(exactly(n));
        line(false);
      }
    }

    private byte[] exactly(int n) throws IOException {
      byte[] bytes = in.readNBytes(n);
      if (bytes.length < n) {
        throw new EOFException("answer cut short");
      }
      return bytes;
    }

    /** A line without its end; {@code first} marks the answer's first line, where EOF is stale. */
    private String line(boolean first) throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (; ; ) {
        int b = in.read();
        if (b < 0) {
          if (first && line.isEmpty()) {
            throw new StaleConnection();
          }
          throw new EOFException("answer cut short");
        }
        if (b == '\n') {
          int end = line.length();
          if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
          }
          return line.toString();
        }
        line.append((char) b);
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing: nothing more to read or write
      }
    }
  }
}
