package org.pcdguide.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.pcdguide.app.InputFormat;
import org.pcdguide.app.OutputFormat;
import org.pcdguide.app.RequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd assess FILE}: reads a case file, assesses it and prints the report. */
@Command(
    name = "assess",
    description =
        "Assess one patient from a case file (YAML or JSON, spec: case-format.md) or a FHIR R4"
            + " Bundle (detected by content).",
    mixinStandardHelpOptions = true)
final class AssessCommand implements java.util.concurrent.Callable<Integer> {
  /** {@code --format}: the report format's word, checked once here, with the formats named. */
  static final class FormatWord implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.parse(value);
      } catch (RequestException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @ParentCommand Pcd pcd;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The case file (YAML or JSON).")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatWord.class,
      description = "text, markdown, json or fhir (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Assessment date YYYY-MM-DD; overrides the file's as-of (default: the file's, else"
              + " today in the system's zone).")
  String asOf;

  @Option(
      names = "--brief",
      description =
          "Print only the one-screen summary block (at most 15 lines); with --format text only.")
  boolean brief;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    Optional<LocalDate> override = Optional.ofNullable(asOf).map(AssessCommand::date);
    if (brief && format != OutputFormat.TEXT) {
      throw new UsageException(
          "--brief prints the text summary block; it cannot be combined with --format "
              + format.word()
              + " (use --format text, or drop --brief)");
    }
    byte[] content = read(file);
    String report =
        brief
            ? brief(content, override)
            : pcd.service()
                .report(file.toString(), content, InputFormat.DETECTED, override, format)
                .text();
    if (output == null) {
      spec.commandLine().getOut().print(report);
      spec.commandLine().getOut().flush();
    } else {
      write(output, report);
    }
    return Pcd.OK;
  }

  /** The summary block only, from the same report view every renderer formats. */
  private String brief(byte[] content, Optional<LocalDate> override) {
    org.pcdguide.app.Assessed a =
        pcd.service().assess(file.toString(), content, InputFormat.DETECTED, override);
    return org.pcdguide.core.render.SummaryText.brief(
        org.pcdguide.core.render.ReportView.of(a.assessment(), pcd.service().pack()));
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("--as-of: '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such file");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Writes via a temporary file in the same directory and an atomic rename: never half-written. */
  static void write(Path target, String text) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UsageException(
          target + ": cannot write (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the rename already happened or the directory is gone; nothing left to clean
        }
      }
    }
  }
}
