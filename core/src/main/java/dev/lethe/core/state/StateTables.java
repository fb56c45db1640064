package dev.lethe.core.state;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Names and typed fields of Lethe's own tables. */
final class StateTables {
  private StateTables() {}

  static final Table<Record> RUNS = DSL.table(DSL.name("lethe_runs"));
  static final Field<String> RUN_ID = DSL.field(DSL.name("id"), SQLDataType.VARCHAR);
  static final Field<String> RUN_KIND = DSL.field(DSL.name("kind"), SQLDataType.VARCHAR);
  static final Field<String> RUN_SCOPE = DSL.field(DSL.name("scope"), SQLDataType.VARCHAR);
  static final Field<String> RUN_WORKSPACE = DSL.field(DSL.name("workspace"), SQLDataType.VARCHAR);
  static final Field<String> RUN_STATUS = DSL.field(DSL.name("status"), SQLDataType.VARCHAR);
  static final Field<String> RUN_MAP_NAME =
      DSL.field(DSL.name("datamap_name"), SQLDataType.VARCHAR);
  static final Field<String> RUN_MAP_FINGERPRINT =
      DSL.field(DSL.name("datamap_fingerprint"), SQLDataType.VARCHAR);
  static final Field<String> RUN_SUBJECT_SEALED =
      DSL.field(DSL.name("subject_sealed"), SQLDataType.CLOB);
  static final Field<String> RUN_SUBJECT_HASHES =
      DSL.field(DSL.name("subject_hashes"), SQLDataType.CLOB);
  static final Field<String> RUN_PARAMS = DSL.field(DSL.name("params"), SQLDataType.CLOB);
  static final Field<Long> RUN_BATCHES = DSL.field(DSL.name("batches"), SQLDataType.BIGINT);
  static final Field<Long> RUN_VERSION = DSL.field(DSL.name("version"), SQLDataType.BIGINT);
  static final Field<java.time.LocalDateTime> RUN_CREATED =
      DSL.field(DSL.name("created_at"), SQLDataType.LOCALDATETIME);
  static final Field<java.time.LocalDateTime> RUN_STARTED =
      DSL.field(DSL.name("started_at"), SQLDataType.LOCALDATETIME);
  static final Field<java.time.LocalDateTime> RUN_FINISHED =
      DSL.field(DSL.name("finished_at"), SQLDataType.LOCALDATETIME);
  static final Field<String> RUN_RECEIPT = DSL.field(DSL.name("receipt"), SQLDataType.CLOB);
  static final Field<String> RUN_ERROR = DSL.field(DSL.name("error"), SQLDataType.CLOB);

  static final Table<Record> ROOTS = DSL.table(DSL.name("lethe_run_roots"));
  static final Field<String> ROOT_RUN = DSL.field(DSL.name("run_id"), SQLDataType.VARCHAR);
  static final Field<Integer> ROOT_INDEX = DSL.field(DSL.name("root_index"), SQLDataType.INTEGER);
  static final Field<String> ROOT_KEY = DSL.field(DSL.name("root_key"), SQLDataType.VARCHAR);

  static final Table<Record> COUNTS = DSL.table(DSL.name("lethe_run_counts"));
  static final Field<String> COUNT_RUN = DSL.field(DSL.name("run_id"), SQLDataType.VARCHAR);
  static final Field<String> COUNT_ENTITY = DSL.field(DSL.name("entity"), SQLDataType.VARCHAR);
  static final Field<String> COUNT_OUTCOME = DSL.field(DSL.name("outcome"), SQLDataType.VARCHAR);
  static final Field<Long> COUNT_ROWS = DSL.field(DSL.name("row_count"), SQLDataType.BIGINT);

  /**
   * The outcome under which a run counts, per entity, the files it deleted from the store whose
   * keys it then deleted: the count and the keys' deletion commit together.
   */
  static final String FILES_DELETED = "files_deleted";

  static final Table<Record> FILES = DSL.table(DSL.name("lethe_run_files"));
  static final Field<Long> FILE_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
  static final Field<String> FILE_RUN = DSL.field(DSL.name("run_id"), SQLDataType.VARCHAR);
  static final Field<String> FILE_ENTITY = DSL.field(DSL.name("entity"), SQLDataType.VARCHAR);
  static final Field<String> FILE_KEY = DSL.field(DSL.name("file_key"), SQLDataType.VARCHAR);
  static final Field<Integer> FILE_ATTEMPTS = DSL.field(DSL.name("attempts"), SQLDataType.INTEGER);
  static final Field<String> FILE_ERROR = DSL.field(DSL.name("last_error"), SQLDataType.VARCHAR);

  static final Table<Record> UPDATED = DSL.table(DSL.name("lethe_run_updated"));
  static final Field<String> UPD_RUN = DSL.field(DSL.name("run_id"), SQLDataType.VARCHAR);
  static final Field<String> UPD_ENTITY = DSL.field(DSL.name("entity"), SQLDataType.VARCHAR);
  static final Field<String> UPD_OUTCOME = DSL.field(DSL.name("outcome"), SQLDataType.VARCHAR);
  static final Field<String> UPD_KEY = DSL.field(DSL.name("row_key"), SQLDataType.VARCHAR);

  static final Table<Record> SETTINGS = DSL.table(DSL.name("lethe_settings"));
  static final Field<String> SETTING_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
  static final Field<String> SETTING_VALUE =
      DSL.field(DSL.name("setting_value"), SQLDataType.VARCHAR);
}
