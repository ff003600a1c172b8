package org.pcdguide.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which web origins a browser may call the CDS Hooks endpoints from (CORS; CDS Hooks 2.0 asks
 * services to support browser-based clients): none by default. Each origin is {@code
 * scheme://host[:port]} (compared in lower case, without a trailing slash), or {@code *} for any,
 * which {@link PcdServer} refuses unless CDS Hooks authentication is off (a development setting).
 */
public record BrowserAccess(List<String> corsOrigins) {
  public static final String ANY = "*";

  public BrowserAccess {
    corsOrigins = corsOrigins.stream().map(BrowserAccess::origin).distinct().toList();
  }

  /** No origin allowed: browsers on other origins cannot read any answer. */
  public static BrowserAccess none() {
    return new BrowserAccess(List.of());
  }

  public boolean allowsAny() {
    return corsOrigins.contains(ANY);
  }

  /** Whether a page from {@code origin} (the request's {@code Origin} header) may call. */
  boolean allows(String origin) {
    return allowsAny() || corsOrigins.contains(origin.toLowerCase(Locale.ROOT));
  }

  /**
   * {@code origin} as compared, or {@link IllegalArgumentException} naming it when it is not an
   * http(s) origin: scheme and host, an optional port, and nothing else.
   */
  public static String origin(String origin) {
    if (ANY.equals(origin)) {
      return ANY;
    }
    String o = origin.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    URI u;
    try {
      u = new URI(o);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + origin + "' is not an origin: " + e.getReason());
    }
    if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
        || u.getHost() == null
        || u.getRawUserInfo() != null
        || !u.getRawPath().isEmpty()
        || u.getRawQuery() != null
        || u.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "'"
              + origin
              + "' is not an origin: scheme, host and optional port only"
              + " (e.g. https://ehr.example.org:8443), or *");
    }
    return o;
  }
}
