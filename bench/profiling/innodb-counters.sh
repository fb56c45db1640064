#!/usr/bin/env bash
# InnoDB's counters once a second, beside a benchmark run against MariaDB.
#
# Prints one line a second: the epoch second, then how much each counter moved since the line
# before (pages read from disk into the buffer pool, data and log fsyncs, pages flushed, waits for
# a free page, waits for room in the log buffer, redo bytes written, insert statements), then the
# dirty pages and the checkpoint's age now (redo not yet checkpointed: at checkpoint_max InnoDB
# flushes pages before it lets a commit go on). A run whose buffer-pool reads stay at 0 keeps its
# working set in memory.
#
# usage: bench/profiling/innodb-counters.sh [PORT] > counters.txt   (stop it with Ctrl-C or kill)
# Needs the mariadb client; connects as root without a password on 127.0.0.1.
set -euo pipefail
port=${1:-3306}
counters="'Com_insert','Innodb_buffer_pool_reads','Innodb_data_fsyncs',
  'Innodb_buffer_pool_pages_flushed','Innodb_buffer_pool_wait_free','Innodb_log_waits',
  'Innodb_os_log_written','Innodb_buffer_pool_pages_dirty','Innodb_checkpoint_age',
  'Innodb_checkpoint_max_age'"
declare -A last
while true; do
  now=$(date +%s)
  line="$now"
  while read -r name value; do
    case "$name" in
    Innodb_buffer_pool_pages_dirty) line+=" dirty=$value" ;;
    Innodb_checkpoint_age) line+=" checkpoint_age=$value" ;;
    Innodb_checkpoint_max_age) line+=" checkpoint_max=$value" ;;
    *)
      line+=" $name=$((value - ${last[$name]:-$value}))"
      last[$name]=$value
      ;;
    esac
  done < <(mariadb -uroot -h127.0.0.1 -P"$port" -N -B \
    -e "SHOW GLOBAL STATUS WHERE Variable_name IN ($counters)")
  echo "$line"
  sleep 1
done
