-- A file deleted from the store is no longer marked deleted: its key is deleted and it is counted
-- in lethe_run_counts under the outcome 'files_deleted', in the same transaction. The files
-- marked before are counted so (a completed run's counts are in its receipt), then forgotten.
INSERT INTO lethe_run_counts (run_id, entity, outcome, row_count)
  SELECT f.run_id, f.entity, 'files_deleted', COUNT(*)
  FROM lethe_run_files f JOIN lethe_runs r ON r.id = f.run_id
  WHERE f.deleted_at IS NOT NULL AND r.status <> 'completed'
  GROUP BY f.run_id, f.entity;
DELETE FROM lethe_run_files WHERE deleted_at IS NOT NULL;
-- A run's sweeper reads its recorded files past a cursor, in id order.
CREATE INDEX lethe_run_files_by_run ON lethe_run_files (run_id, id);
DROP INDEX lethe_run_files_unswept;
ALTER TABLE lethe_run_files DROP COLUMN deleted_at;
