package dev.revokeearn.seed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads seed files. YAML is a superset of JSON, so one parser reads both. A file that does not
 * parse, or has a key the format does not know, is a {@link SeedException} naming the file and the
 * place; {@link SeedSnapshots} checks the values.
 *
 * <pre>{@code
 * Seed seed = SeedFiles.read(Path.of("seed.yaml"));
 * Seed demo = SeedFiles.defaultSeed();
 * }</pre>
 */
public final class SeedFiles {
  public static final String DEFAULT_SEED = "revoke-earn/default-seed.yaml";
  private static final ObjectMapper JSON = mapper(new JsonFactory());
  // SnakeYAML refuses documents over 3 MB by default; a seed may hold a million earn instances.
  private static final ObjectMapper YAML =
      mapper(YAMLFactory.builder().loaderOptions(codePointLimit(Integer.MAX_VALUE)).build());

  private SeedFiles() {}

  private static ObjectMapper mapper(JsonFactory factory) {
    return JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // orgId: 1.9 is no id (Jackson would take 1), and a key given twice hides the first value.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .addHandler(new SeedMismatch.Handler())
        .build();
  }

  private static LoaderOptions codePointLimit(int limit) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limit);
    return options;
  }

  public static Seed read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new SeedException("seed file " + file + " does not exist or is not readable");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new SeedException("seed file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  public static Seed defaultSeed() {
    try (InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream(DEFAULT_SEED)) {
      if (in == null) {
        throw new SeedException("the default seed " + DEFAULT_SEED + " is not on the classpath");
      }
      return parse(in, DEFAULT_SEED);
    } catch (IOException e) {
      throw new SeedException("the default seed cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses and checks a seed; {@code source} names it in error messages. JSON (the first character
   * is '{') goes to the JSON parser, which is faster and lighter on a large seed; anything else is
   * read as YAML.
   */
  public static Seed parse(InputStream input, String source) {
    Seed seed;
    try (BufferedInputStream in = new BufferedInputStream(input)) {
      int first = firstNonBlank(in);
      if (first < 0) {
        throw new SeedException(source + ": the file is empty; it needs an 'orgs' list");
      }
      seed = (first == '{' ? JSON : YAML).readValue(in, Seed.class);
    } catch (UnrecognizedPropertyException e) {
      throw new SeedException(
          source
              + ": at "
              + path(e)
              + ": unknown key "
              + e.getPropertyName()
              + "; the keys here are "
              + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList(),
          e);
    } catch (JsonMappingException e) {
      // A syntax error found while binding quotes the file: that part is the user's, as written.
      boolean syntax = e.getCause() instanceof StreamReadException;
      throw new SeedException(
          source
              + ": at "
              + path(e)
              + ": "
              + (syntax ? withoutJava(e.getOriginalMessage()) : SeedMismatch.describe(e)),
          e);
    } catch (JacksonException e) {
      // A syntax error: its message quotes the file, which is the user's to read as written.
      if (e.getCause() instanceof ReaderException reader) {
        throw new SeedException(
            String.format(
                "%s: the character U+%04X at character %d of the file is not allowed in YAML",
                source, reader.getCodePoint(), reader.getPosition() + 1),
            e);
      }
      String message = withoutJava(e.getOriginalMessage());
      if (!message.contains("line") && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
        message +=
            " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
      }
      throw new SeedException(source + ": " + message, e);
    } catch (CharConversionException e) {
      throw new SeedException(source + ": the file is not UTF-8 text (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new SeedException(source + ": cannot be read: " + e.getMessage(), e);
    }
    if (seed == null) {
      throw new SeedException(source + ": the file is empty; it needs an 'orgs' list");
    }
    return seed;
  }

  /** The first character that is not white space, left unread in the stream; -1 at the end. */
  private static int firstNonBlank(BufferedInputStream in) throws IOException {
    while (true) {
      in.mark(1);
      int b = in.read();
      if (b < 0 || !Character.isWhitespace(b)) {
        in.reset();
        return b;
      }
    }
  }

  /** A parser's message without the names of its classes: events, exceptions. */
  private static String withoutJava(String message) {
    String text = message.replaceAll("\\s+", " ");
    // SnakeYAML names its parser events: <org.yaml...MappingStartEvent(...)> is "a mapping".
    text =
        YAML_EVENT
            .matcher(text)
            .replaceAll(
                event ->
                    switch (event.group(1)) {
                      case "Mapping" -> "a mapping";
                      case "Sequence" -> "a list";
                      case "Scalar" -> "a value";
                      case "Alias" -> "an alias (*name)";
                      default -> "the " + event.group(1).toLowerCase(Locale.ROOT);
                    });
    // Jackson's advice to its programmers ("consider enabling `JsonReadFeature.ALLOW_...`").
    text = text.replaceAll(" \\([^`]*`[A-Za-z]*Feature\\.[A-Z_]+`.*$", "");
    text = text.replaceAll("Duplicate field '([^']*)'", "the key $1 appears twice");
    // Jackson's location note: "[Source: REDACTED (`StreamReadFeature...` disabled); line: 1".
    text = text.replaceAll("\\[Source: [^;]*; ", "[");
    // An exception's class name, where a parser put one in its message.
    text = text.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Za-z0-9_$]*(?:Exception|Error): ", "");
    if (text.startsWith("Invalid UTF-8")) {
      text = "the file is not UTF-8 text (" + text + ")";
    }
    return text;
  }

  private static final Pattern YAML_EVENT =
      Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.([A-Za-z]+?)(?:Start)?Event\\(.*\\)>");

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "top level" : path.toString();
  }
}
