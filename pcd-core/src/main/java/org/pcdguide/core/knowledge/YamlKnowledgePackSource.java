package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the knowledge pack from YAML, either bundled on the classpath ({@code knowledge/}) or from
 * a directory, validates all of it and lists every problem at once. The hash covers every file
 * read, without the entries' examples ({@link ClinicalText}).
 */
public final class YamlKnowledgePackSource {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Reads one file of the pack by its relative name; empty when it does not exist. */
  @FunctionalInterface
  interface Files {
    Optional<byte[]> read(String name) throws IOException;
  }

  private final String origin;
  private final Files files;
  private final ParseCache cache;

  private YamlKnowledgePackSource(String origin, Files files) {
    this(origin, files, null);
  }

  private YamlKnowledgePackSource(String origin, Files files, ParseCache cache) {
    this.origin = origin;
    this.files = files;
    this.cache = cache;
  }

  /** The pack bundled in the core jar. */
  public static YamlKnowledgePackSource bundled() {
    return new YamlKnowledgePackSource(
        "bundled knowledge/",
        name -> {
          try (InputStream in =
              YamlKnowledgePackSource.class
                  .getClassLoader()
                  .getResourceAsStream("knowledge/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
          }
        });
  }

  /** A pack in a directory (e.g. the repository's {@code knowledge/} while editing it). */
  public static YamlKnowledgePackSource directory(Path dir) {
    return new YamlKnowledgePackSource(
        dir.toString(),
        name -> {
          Path p = dir.resolve(name).normalize();
          return java.nio.file.Files.isRegularFile(p)
              ? Optional.of(java.nio.file.Files.readAllBytes(p))
              : Optional.empty();
        });
  }

  /** A pack held in memory, file name to content (the pack loader's fuzz test mutates one). */
  static YamlKnowledgePackSource of(String origin, Map<String, byte[]> files) {
    return of(origin, files, null);
  }

  /** As {@link #of(String, Map)}, reusing what {@code cache} holds for the same byte arrays. */
  static YamlKnowledgePackSource of(String origin, Map<String, byte[]> files, ParseCache cache) {
    Map<String, byte[]> copy = Map.copyOf(files);
    return new YamlKnowledgePackSource(origin, name -> Optional.ofNullable(copy.get(name)), cache);
  }

  public String origin() {
    return origin;
  }

  /**
   * Loads and validates the pack, its conditions against {@code facts}; throws {@link
   * KnowledgePackException} listing every problem.
   */
  public KnowledgePack load(FactCatalog facts) {
    List<String> problems = new ArrayList<>();
    MessageDigest sha = sha256();
    Map<String, String> texts = new LinkedHashMap<>();
    JsonNode index = yaml("pack.yaml", problems, sha);
    if (index == null) {
      throw new KnowledgePackException(problems);
    }
    PackParser parser = new PackParser(problems);
    String version = parser.header(index);
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    for (String name : parser.files(index)) {
      JsonNode doc = yaml(name, problems, sha);
      if (doc != null) {
        docs.put(name, doc);
      }
    }
    Map<String, Source> sources = new LinkedHashMap<>();
    List<DisorderModule> modules = new ArrayList<>();
    List<SeedCoverage> coverage = new ArrayList<>();
    List<ScreeningRule> screening = new ArrayList<>();
    Vocabulary vocabulary = null;
    for (Map.Entry<String, JsonNode> d : docs.entrySet()) {
      switch (PackParser.kind(d.getValue())) {
        case SOURCES -> parser.sources(d.getValue(), d.getKey(), sources);
        case MODULE -> parser.module(d.getKey(), d.getValue()).ifPresent(modules::add);
        case COVERAGE -> coverage.add(parser.coverage(d.getValue(), d.getKey()));
        case SCREENING -> screening.addAll(parser.screening(d.getValue(), d.getKey()));
        case VOCABULARY -> {
          if (vocabulary != null) {
            problems.add(d.getKey() + ": a second vocabulary file; the pack has one");
          }
          vocabulary = parser.vocabulary(d.getValue());
        }
        default ->
            problems.add(
                d.getKey()
                    + ": not a sources, vocabulary, disorder module, coverage or screening file");
      }
    }
    if (vocabulary == null) {
      problems.add("pack.yaml.files: no vocabulary file");
      vocabulary = parser.vocabulary(null);
    }
    if (sources.isEmpty()) {
      problems.add("pack.yaml.files: no sources file");
    }
    for (Source s : sources.values()) {
      s.text().ifPresent(path -> text(path, problems, sha).ifPresent(t -> texts.put(s.id(), t)));
    }
    String hash = "sha256:" + HexFormat.of().formatHex(sha.digest());
    Map<String, List<EntryExample>> examples = parser.examples().resolve(docs, facts, vocabulary);
    KnowledgePack pack =
        new KnowledgePack(
            version, hash, sources, vocabulary, modules, texts, coverage, screening, examples);
    new PackValidator(pack, facts, texts, problems).validate();
    if (!problems.isEmpty()) {
      throw new KnowledgePackException(problems);
    }
    return pack;
  }

  private JsonNode yaml(String name, List<String> problems, MessageDigest sha) {
    try {
      Optional<byte[]> bytes = files.read(name);
      if (bytes.isEmpty()) {
        problems.add(name + ": file not found in " + origin);
        return null;
      }
      Parsed parsed = cache == null ? null : cache.get(bytes.get());
      if (parsed == null) {
        int before = problems.size();
        parsed = parse(name, bytes.get(), problems);
        if (cache != null && parsed != null && problems.size() == before) {
          cache.put(bytes.get(), parsed);
        }
      }
      if (parsed == null) {
        return null;
      }
      digest(sha, name, parsed.clinical());
      return parsed.node();
    } catch (IOException e) {
      problems.add(name + ": cannot read: " + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
  }

  /** A YAML map and the bytes of it that the hash covers; null (with a problem) when not a map. */
  private static Parsed parse(String name, byte[] bytes, List<String> problems) throws IOException {
    byte[] clinical = ClinicalText.of(bytes);
    JsonNode node = YAML.readTree(bytes);
    if (node == null || !node.isObject()) {
      problems.add(name + ": must be a YAML map");
      return null;
    }
    if (clinical.length != bytes.length && !ClinicalText.same(node, YAML.readTree(clinical))) {
      problems.add(
          name
              + ": write examples and example-base as indented blocks under their own key line"
              + " (the pack hash leaves exactly those blocks out)");
    }
    return new Parsed(clinical, node);
  }

  /** One pack file parsed: the bytes the pack hash covers, and the document (never modified). */
  private record Parsed(byte[] clinical, JsonNode node) {}

  /**
   * Recently parsed files, by the identity of their bytes, for a caller that loads the same
   * unchanged byte arrays again and again (the pack loader's fuzz test replaces one file and keeps
   * the others). Only files that parsed without a problem are kept; the oldest go first.
   */
  static final class ParseCache {
    private static final int SIZE = 64;
    private final Map<byte[], Parsed> recent =
        new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<byte[], Parsed> eldest) {
            return size() > SIZE;
          }
        };

    synchronized Parsed get(byte[] bytes) {
      return recent.get(bytes);
    }

    synchronized void put(byte[] bytes, Parsed parsed) {
      recent.put(bytes, parsed);
    }
  }

  private Optional<String> text(String name, List<String> problems, MessageDigest sha) {
    try {
      Optional<byte[]> bytes = files.read(name);
      if (bytes.isEmpty()) {
        problems.add(name + ": stored source text not found in " + origin);
        return Optional.empty();
      }
      digest(sha, name, bytes.get());
      return Optional.of(new String(bytes.get(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(name + ": cannot read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static void digest(MessageDigest sha, String name, byte[] bytes) {
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(bytes);
    sha.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
