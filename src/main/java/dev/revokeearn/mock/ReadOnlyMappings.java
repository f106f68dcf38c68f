package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.common.filemaker.FilenameMaker;
import com.github.tomakehurst.wiremock.standalone.JsonFileMappingsSource;
import com.github.tomakehurst.wiremock.standalone.MappingFileException;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.nio.file.Path;
import java.util.List;

/**
 * The user's stubs in {@code ROOT/mappings}, loaded as WireMock loads them but never written:
 * WireMock deletes a stub's file when the stub is removed ({@code DELETE /__admin/mappings} empties
 * the directory), and those files are the user's, often committed beside their tests.
 */
final class ReadOnlyMappings implements MappingsSource {
  private final Path root;
  private final JsonFileMappingsSource files;

  ReadOnlyMappings(Path root) {
    this.root = root;
    this.files =
        new JsonFileMappingsSource(
            new SingleRootFileSource(root.toFile()).child("mappings"), new FilenameMaker());
  }

  /**
   * @throws IllegalArgumentException naming the file, when one is not a stub mapping; naming the
   *     stub, when its status is outside 100-599 (refused for the admin API too: {@link
   *     StubStatusCheck})
   */
  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    try {
      files.loadMappingsInto(stubMappings);
    } catch (MappingFileException e) {
      throw new IllegalArgumentException("--root-dir " + root + ": " + plain(e.getMessage()), e);
    }
    for (StubMapping stub : stubMappings.getAll()) {
      int status = stub.getResponse().getStatus();
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException(
            "--root-dir "
                + root
                + ": the stub "
                + (stub.getName() == null ? "" : "'" + stub.getName() + "' ")
                + stub.getId()
                + " in mappings/ has response.status "
                + status
                + "; an HTTP status must be from 100 to 599");
      }
    }
  }

  /** WireMock's message without the Java class names Jackson puts in it. */
  private static String plain(String message) {
    return message
        .replace('\n', ' ')
        .replace("Error loading file ", "")
        .replace(" (although at least one Creator exists)", "")
        .replaceAll("`(?:[a-z][a-z0-9_]*\\.)+(?:[A-Za-z0-9_]+\\$)?([A-Za-z0-9_]+)`", "$1")
        .replaceFirst(": ", " is not a stub mapping: ");
  }

  @Override
  public void save(List<StubMapping> stubMappings) {}

  @Override
  public void save(StubMapping stubMapping) {}

  @Override
  @SuppressWarnings("removal")
  public void remove(StubMapping stubMapping) {}

  @Override
  public void removeAll() {}
}
