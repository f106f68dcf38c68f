package dev.revokeearn.seed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

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
    } catch (JsonMappingException e) {
      throw new SeedException(
          source + ": at " + path(e) + ": " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
    } catch (JacksonException e) {
      throw new SeedException(source + ": " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
    } catch (IOException e) {
      throw new SeedException(source + ": " + e.getMessage(), e);
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
