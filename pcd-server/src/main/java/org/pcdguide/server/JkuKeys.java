package org.pcdguide.server;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The public keys behind allowlisted jku URLs: fetched with a 5 s deadline, at most 64 KiB, public
 * keys only, no redirects, and cached per URL for 10 minutes. A token naming a {@code kid} the
 * cached set lacks (key rotation) triggers one refetch, but never more than one per URL every 30 s,
 * and a failed fetch is remembered for 30 s too: no stream of tokens can make the server hammer the
 * issuer's endpoint. Only allowlisted URLs reach this class, so the cache is bounded by the
 * configuration.
 */
final class JkuKeys {
  static final Duration TTL = Duration.ofMinutes(10);
  static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final int MAX_BYTES = 64 * 1024;

  /** The keys at a URL, or why there are none. */
  sealed interface Lookup permits Found, Unavailable {}

  record Found(JWKSet keys) implements Lookup {}

  record Unavailable(String reason) implements Lookup {}

  private final Clock clock;
  private final Map<URI, Entry> entries = new ConcurrentHashMap<>();
  private HttpClient http;

  JkuKeys(Clock clock) {
    this.clock = clock;
  }

  /** The keys published at an allowlisted {@code url}, for a token naming {@code kid}. */
  Lookup keys(URI url, Optional<String> kid) {
    return entries.computeIfAbsent(url, u -> new Entry()).lookup(url, kid);
  }

  private final class Entry {
    private Lookup last;
    private Instant attempted = Instant.MIN;

    synchronized Lookup lookup(URI url, Optional<String> kid) {
      Instant now = clock.instant();
      boolean canRefetch = !now.isBefore(attempted.plus(REFETCH_INTERVAL));
      boolean stale =
          last == null || (last instanceof Found ? !now.isBefore(attempted.plus(TTL)) : canRefetch);
      boolean unknownKid =
          last instanceof Found found
              && kid.isPresent()
              && found.keys().getKeyByKeyId(kid.get()) == null;
      if (stale || (unknownKid && canRefetch)) {
        last = fetch(url);
        attempted = now;
      }
      return last;
    }
  }

  private Lookup fetch(URI url) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Accept", "application/jwk-set+json, application/json")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client()
            .sendAsync(
                request,
                info ->
                    info.statusCode() == 200
                        ? new LimitedBody(MAX_BYTES)
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
    String cannot = "cannot fetch the JWKS at " + url + ": ";
    HttpResponse<byte[]> response;
    try {
      response = pending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new Unavailable(cannot + "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new Unavailable(cannot + "interrupted");
    } catch (ExecutionException e) {
      return new Unavailable(cannot + failure(e.getCause()));
    }
    if (response.statusCode() != 200) {
      return new Unavailable(cannot + "HTTP " + response.statusCode());
    }
    return parsed(cannot, response.body());
  }

  private static Lookup parsed(String cannot, byte[] body) {
    JWKSet keys;
    try {
      keys = JWKSet.parse(new String(body, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      return new Unavailable(cannot + "not a JWKS (a JSON object with a keys array)");
    }
    Optional<String> problem = TrustedIssuer.nonPublicKey(keys);
    if (problem.isPresent()) {
      return new Unavailable(cannot + "the JWKS " + problem.get());
    }
    return new Found(keys);
  }

  private static String failure(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return "the JWKS is larger than " + MAX_BYTES / 1024 + " KiB";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof ConnectException) {
        return "cannot connect";
      }
    }
    return "I/O error (" + cause.getClass().getSimpleName() + ")";
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return http;
  }

  /** A response body of at most {@code limit} bytes: the download stops as soon as it is more. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
