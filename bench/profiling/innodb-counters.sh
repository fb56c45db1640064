#!/usr/bin/env bash
# InnoDB's counters once a second, beside a benchmark run against MariaDB.
#
# Prints one line a second: the epoch second, then how much each counter moved since the line
# before (pages read from disk into the buffer pool, data and log fsyncs, pages flushed, waits for
# a free page, insert statements) and the dirty pages now. A run whose buffer-pool reads stay at
# 0 keeps its working set in memory.
#
# usage: bench/profiling/innodb-counters.sh [PORT] > counters.txt   (stop it with Ctrl-C or kill)
# Needs the mariadb client; connects as root without a password on 127.0.0.1.
set -euo pipefail
port=${1:-3306}
counters="'Com_insert','Innodb_buffer_pool_reads','Innodb_data_fsyncs',
  'Innodb_buffer_pool_pages_flushed','Innodb_buffer_pool_wait_free','Innodb_buffer_pool_pages_dirty'"
declare -A last
while true; do
  now=$(date +%s)
  line="$now"
  while read -r name value; do
    if [ "$name" = Innodb_buffer_pool_pages_dirty ]; then
      line+=" dirty=$value"
    else
      line+=" $name=$((value - ${last[$name]:-$value}))"
      last[$name]=$value
    fi
  done < <(mariadb -uroot -h127.0.0.1 -P"$port" -N -B \
    -e "SHOW GLOBAL STATUS WHERE Variable_name IN ($counters)")
  echo "$line"
  sleep 1
done
