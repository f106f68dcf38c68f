package dev.revokeearn.store.migration;

import dev.revokeearn.state.TillCredential;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tills' passwords were kept as the MD5 that requests send, so a copy of the database was as good
 * as the credentials: they become a salted hash of that MD5 ({@link TillCredential}), computed here
 * because neither SQLite nor PostgreSQL has the hash built in.
 */
public class V3__SaltedTillPasswords extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE re_tills ADD COLUMN password_hash TEXT");
    }
    Map<String, String> md5ByTill = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT username, password_md5 FROM re_tills")) {
      while (rows.next()) {
        md5ByTill.put(rows.getString(1), rows.getString(2));
      }
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE re_tills SET password_hash = ? WHERE username = ?")) {
      for (Map.Entry<String, String> till : md5ByTill.entrySet()) {
        update.setString(
            1, TillCredential.of(0, till.getKey(), till.getValue(), Set.of()).passwordHash());
        update.setString(2, till.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE re_tills DROP COLUMN password_md5");
    }
  }
}
