-- A run's sweeper reads its pending files past a cursor, in id order: the index that finds them
-- ends with the id, so each read starts where the last one stopped.
CREATE INDEX lethe_run_files_unswept ON lethe_run_files (run_id, deleted_at, id);
DROP INDEX lethe_run_files_pending;
