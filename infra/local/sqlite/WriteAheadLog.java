// Puts DynamoDB Local's SQLite file in write-ahead-log mode with 4 KiB pages, through the sqlite4java
// library DynamoDB Local itself ships. Run by infra/local/data-file.ts, in Java's single-file mode,
// before DynamoDB Local opens the file: both settings are stored in the file and kept on every
// later open. Why: see docs/architecture.md ("npm start's DynamoDB Local").
import com.almworks.sqlite4java.SQLiteConnection;
import java.io.File;
import java.util.logging.Level;
import java.util.logging.Logger;

class WriteAheadLog {
  public static void main(String[] arguments) throws Exception {
    Logger.getLogger("com.almworks.sqlite4java").setLevel(Level.OFF);
    SQLiteConnection connection = new SQLiteConnection(new File(arguments[0]));
    connection.open(true);
    try {
      // A page size changes only on an empty file or through VACUUM, and VACUUM cannot change it
      // in WAL mode: size first, then the log.
      connection.exec("PRAGMA page_size=4096");
      connection.exec("VACUUM");
      connection.exec("PRAGMA journal_mode=WAL");
    } finally {
      connection.dispose();
    }
  }
}
