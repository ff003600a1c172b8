package org.pcdguide.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads every request body in full before a route sees it, without holding a thread while the bytes
 * arrive (Jetty calls back as they do), and within a deadline: a client trickling its body (a byte
 * every few seconds) gets a 408 problem and its connection closed when the deadline passes, and
 * never ties up the pool that answers everyone else. A body over the size limit is read and
 * discarded (up to 16 times the limit, so that a client still sending receives the answer) and
 * answered 413.
 */
final class WholeBodies extends Handler.Wrapper {
  private final long maxBytes;
  private final Duration deadline;

  WholeBodies(long maxBytes, Duration deadline) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long length = request.getLength();
    if (length == 0
        || (length < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
      return super.handle(request, response, callback);
    }
    new Reading(request, response, callback, length).start();
    return true;
  }

  /** One body arriving; {@link #run} is Jetty's callback when more of it is there. */
  private final class Reading implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final AtomicBoolean finished = new AtomicBoolean();
    private ByteArrayOutputStream body;
    private long received;
    private Scheduler.Task timeout;

    Reading(Request request, Response response, Callback callback, long length) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.body = new ByteArrayOutputStream((int) Math.min(Math.max(length, 1024), maxBytes));
      if (length > maxBytes) {
        body = null;
      }
    }

    void start() {
      timeout =
          request
              .getComponents()
              .getScheduler()
              .schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
      run();
    }

    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          finish(chunk.getFailure());
          return;
        }
        received += chunk.remaining();
        if (body != null && received <= maxBytes) {
          ByteBuffer bytes = chunk.getByteBuffer();
          byte[] copy = new byte[bytes.remaining()];
          bytes.get(copy);
          body.write(copy, 0, copy.length);
        } else {
          body = null;
        }
        boolean last = chunk.isLast();
        chunk.release();
        if (last || (body == null && received > 16 * maxBytes)) {
          finish(null);
          return;
        }
      }
    }

    private void expire() {
      if (finished.compareAndSet(false, true)) {
        Response.writeError(request, response, callback, 408);
      }
    }

    private void finish(Throwable failure) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      timeout.cancel();
      if (failure != null) {
        switch (Failures.kind(failure)) {
          case TIMEOUT -> Response.writeError(request, response, callback, 408);
          default ->
              // the client went away or sent broken framing: no one is left to answer
              callback.failed(failure);
        }
      } else if (body == null) {
        Response.writeError(request, response, callback, 413);
      } else {
        dispatch(new Buffered(request, body.toByteArray()));
      }
    }

    private void dispatch(Request buffered) {
      try {
        Handler next = getHandler();
        if (next == null || !next.handle(buffered, response, callback)) {
          Response.writeError(request, response, callback, 404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, callback, t);
      }
    }
  }

  /** The request with its body already read: one last chunk, then end of content. */
  private static final class Buffered extends Request.Wrapper {
    private Content.Chunk next;

    Buffered(Request request, byte[] body) {
      super(request);
      this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk chunk = next;
      next = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public synchronized boolean consumeAvailable() {
      next = Content.Chunk.EOF;
      return true;
    }
  }
}
