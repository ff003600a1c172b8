package org.pcdguide.server;

import java.time.Duration;

/**
 * How the server bounds what one client can hold: {@code bodyTimeout}, the time a request body has
 * to arrive in full once its headers have (else 408); {@code idleTimeout}, how long a connection
 * may stay silent; {@code perClient}, the most connections one client address may have open at once
 * (0: no limit, e.g. behind a proxy that already limits its clients); {@code threads}, the most
 * threads serving requests at once (bodies are read without holding one).
 */
public record ConnectionLimits(
    Duration bodyTimeout, Duration idleTimeout, int perClient, int threads) {
  /**
   * The most request threads by default: enough for the audit log's group commit to gather the
   * calls of many connections into one commit, few enough that 2 cores do not switch between
   * hundreds of runnable threads (Javalin's own default is 250).
   */
  public static final int DEFAULT_THREADS = 64;

  /** 30 s for a body (a 1 MiB body at 35 KB/s), 30 s idle, 64 connections per client address. */
  public static final ConnectionLimits DEFAULTS =
      new ConnectionLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 64);

  /** These limits with {@link #DEFAULT_THREADS} request threads. */
  public ConnectionLimits(Duration bodyTimeout, Duration idleTimeout, int perClient) {
    this(bodyTimeout, idleTimeout, perClient, DEFAULT_THREADS);
  }

  public ConnectionLimits {
    if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
      throw new IllegalArgumentException("the body timeout must be positive, was " + bodyTimeout);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
    }
    if (threads < 4 || threads > 1024) {
      throw new IllegalArgumentException("the request threads must be 4 to 1024, was " + threads);
    }
    if (perClient < 0) {
      throw new IllegalArgumentException(
          "the connections per client must be 0 (no limit) or more, was " + perClient);
    }
  }
}
