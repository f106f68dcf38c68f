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
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads and checks seed files. YAML is a superset of JSON, so one parser reads both. Every problem
 * is a {@link SeedException} whose message names the file and the place in it. Whether an earn
 * instance's badge and customer exist is checked when the seed is applied, since an added seed may
 * refer to state already there.
 *
 * <pre>{@code
 * Seed seed = SeedFiles.read(Path.of("seed.yaml"));
 * Seed demo = SeedFiles.defaultSeed();
 * }</pre>
 */
public final class SeedFiles {
  public static final String DEFAULT_SEED = "revoke-earn/default-seed.yaml";
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
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
    check(seed, source);
    return seed;
  }

  private static void check(Seed seed, String source) {
    Set<Long> orgIds = new HashSet<>();
    Set<String> usernames = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (int o = 0; o < seed.orgs().size(); o++) {
      Seed.Org org = seed.orgs().get(o);
      String at = source + ": orgs[" + o + "]";
      require(orgIds.add(org.orgId()), at + ".orgId " + org.orgId() + " appears twice");
      for (int i = 0; i < org.tills().size(); i++) {
        String username = org.tills().get(i).username();
        require(
            usernames.add(username),
            at + ".tills[" + i + "].username " + username + " appears twice");
      }
      for (int i = 0; i < org.oauthClients().size(); i++) {
        Seed.OAuthClientEntry client = org.oauthClients().get(i);
        require(
            keys.add(client.key()),
            at + ".oauthClients[" + i + "].key " + client.key() + " appears twice");
        require(
            client.ttlSeconds() == null || client.ttlSeconds() > 0,
            at + ".oauthClients[" + i + "].ttlSeconds must be positive");
      }
      Set<Long> customers = new HashSet<>();
      for (int i = 0; i < org.customers().size(); i++) {
        long id = org.customers().get(i).id();
        require(id > 0, at + ".customers[" + i + "].id must be a positive number, got " + id);
        require(customers.add(id), at + ".customers[" + i + "].id " + id + " appears twice");
      }
      Set<String> badges = new HashSet<>();
      for (int i = 0; i < org.badges().size(); i++) {
        String id = org.badges().get(i).badgeMetaId();
        requireObjectId(id, at + ".badges[" + i + "].badgeMetaId");
        require(
            badges.add(id.toLowerCase()),
            at + ".badges[" + i + "].badgeMetaId " + id + " appears twice");
      }
      Set<String> earns = new HashSet<>();
      for (int i = 0; i < org.earnInstances().size(); i++) {
        Seed.EarnEntry earn = org.earnInstances().get(i);
        String here = at + ".earnInstances[" + i + "]";
        requireObjectId(earn.earnedBadgeId(), here + ".earnedBadgeId");
        require(
            earns.add(earn.earnedBadgeId().toLowerCase()),
            here + ".earnedBadgeId " + earn.earnedBadgeId() + " appears twice");
        requireObjectId(earn.badgeMetaId(), here + ".badgeMetaId");
      }
    }
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

  private static void requireObjectId(String id, String where) {
    require(OBJECT_ID.matcher(id).matches(), where + " must be 24 hex characters, got " + id);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new SeedException(problem);
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
