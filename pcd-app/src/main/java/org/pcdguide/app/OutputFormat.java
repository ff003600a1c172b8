package org.pcdguide.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report can be rendered in, by the word users type and the media type served. */
public enum OutputFormat {
  TEXT("text", "text/plain; charset=utf-8"),
  MARKDOWN("markdown", "text/markdown; charset=utf-8"),
  JSON("json", "application/json"),
  FHIR("fhir", "application/fhir+json");

  private final String word;
  private final String mediaType;

  OutputFormat(String word, String mediaType) {
    this.word = word;
    this.mediaType = mediaType;
  }

  /** The word a user types ({@code --format}, {@code ?format=}) and audit kinds carry. */
  public String word() {
    return word;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The words, in order, for messages and help. */
  public static String words() {
    return Arrays.stream(values()).map(OutputFormat::word).collect(Collectors.joining(", "));
  }

  /** The format named {@code word}; anything else is a {@link RequestException} listing them. */
  public static OutputFormat parse(String word) {
    for (OutputFormat f : values()) {
      if (f.word.equals(word.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new RequestException("format '" + word + "' is not one of " + words());
  }
}
