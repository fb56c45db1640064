#!/usr/bin/env bash
# Where the retention scenario's writer waits on MariaDB's side.
#
# Beside `./lethe bench --scenario retention` against MariaDB, this samples the server's process
# list every 0.5 s (which connection ran what, on which OS thread) and, for each measured
# contestant, records with `perf` for SECONDS from its first purge statement: every switch of the
# writer's server threads off a processor (with its stack, unwound from DWARF), every switch back,
# and every wake-up of them (with the waker's stack). Summarise with writer-offcpu.py.
#
# usage: bench/profiling/writer-offcpu.sh OUT_DIR [PORT] [SECONDS]
# Needs root, perf (Debian: linux-perf), the mariadb client and ss. Stop it by creating OUT_DIR/stop.
# A server built with symbols is needed for its frames to have names: Debian's mariadbd is stripped.
set -euo pipefail
out=$1
port=${2:-3306}
secs=${3:-60}
mkdir -p "$out"
sql() { mariadb -uroot -h127.0.0.1 -P"$port" -N -B -e "$1" 2>/dev/null || true; }
python3 -c 'import time; print(time.time() - time.clock_gettime(time.CLOCK_MONOTONIC))' >"$out/clock-offset"
declare -A seen
trial=0
armed=0
while [ ! -e "$out/stop" ]; do
  list=$(sql "select date_format(now(6),'%H:%i:%s.%f'), id, tid, db, command, time_ms,
    replace(replace(left(coalesce(info,''),70),'\n',' '),'\t',' ')
    from information_schema.processlist where id<>connection_id()")
  [ -n "$list" ] && echo "$list" >>"$out/processlist.tsv"
  # a trial starts with a writer process of its own, whose connections have ids above the last's
  w=$(echo "$list" | awk -F'\t' '$7 ~ /^INSERT INTO messages \(workspace_id/ {print $2}' | sort -n | head -1)
  if [ -n "$w" ] && [ -z "${seen[$w]:-}" ]; then
    newer=1
    for s in "${!seen[@]}"; do [ $((s + 4)) -ge "$w" ] && newer=0; done
    if [ $newer = 1 ]; then
      trial=$((trial + 1))
      armed=1
      echo "$(date +%T.%N) trial $trial" >>"$out/log"
    fi
    seen[$w]=1
  fi
  # the first trial is the benchmark's unmeasured warm-up
  if [ $armed = 1 ] && [ $trial -ge 2 ] &&
    echo "$list" | grep -qE $'\t''(delete from `messages`|DELETE FROM `[a-z_]+`.`messages`)'; then
    armed=0
    writer=$(pgrep -f retention.WriterMain | head -1)
    hosts=$(ss -tnpH state established "( dport = :$port )" | grep "pid=$writer," |
      awk '{h=$3; gsub(/\[::ffff:|\]/,"",h); print "\x27"h"\x27"}' | paste -sd,)
    tids=$(sql "select tid from information_schema.processlist where host in ($hosts)")
    echo "$(date +%T.%N) trial $trial writer threads" $tids >>"$out/log"
    filter() { for t in $tids; do echo -n "$1 == $t || "; done | sed 's/ || $//'; }
    perf record -a -k CLOCK_MONOTONIC --call-graph dwarf,8192 \
      -e sched:sched_switch --filter "$(filter prev_pid)" \
      -e 'sched:sched_switch/call-graph=no/' --filter "$(filter next_pid)" \
      -e sched:sched_waking --filter "$(filter pid)" \
      -o "$out/trial-$trial.data" -- sleep "$secs" >>"$out/log" 2>&1 &
    echo "$tids" | paste -sd, >"$out/trial-$trial.threads"
  fi
  sleep 0.5
done
wait
