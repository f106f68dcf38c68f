package dev.revokeearn.cli;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@code check --data FILE}: one YAML (or JSON) mapping of known keys to values, every value read
 * as the text it is written as. YAML 1.1 would turn {@code 0123} into 83 and {@code yes} into true;
 * an id must arrive as written.
 */
final class DataFiles {
  private DataFiles() {}

  static Map<String, String> read(InputStream input, String at, Set<String> keys) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new org.yaml.snakeyaml.DumperOptions()),
            new org.yaml.snakeyaml.DumperOptions(),
            options,
            new Resolver() {
              @Override
              protected void addImplicitResolvers() {
                // none: every plain value stays text
              }
            });
    Object document;
    try {
      InputStreamReader reader =
          new InputStreamReader(
              input,
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));
      Iterator<Object> documents = yaml.loadAll(reader).iterator();
      document = documents.hasNext() ? documents.next() : null;
      if (documents.hasNext()) {
        throw new IllegalArgumentException(at + " holds more than one YAML document; give one");
      }
    } catch (YAMLException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new IllegalArgumentException(at + " is not UTF-8 text");
      }
      throw new IllegalArgumentException(at + ": " + e.getMessage().replaceAll("\\s+", " "));
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (document == null || "".equals(document)) {
      return values; // empty, or comments only: every value is the default
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(at + " must be key: value lines (a mapping)");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(
            at + ": unknown key " + key + "; the keys are " + String.join(", ", keys));
      }
      if (entry.getValue() instanceof Map || entry.getValue() instanceof Iterable) {
        throw new IllegalArgumentException(at + ": " + key + " must be a single value");
      }
      values.put(key, entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
    }
    return values;
  }
}
