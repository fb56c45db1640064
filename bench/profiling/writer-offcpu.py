#!/usr/bin/env python3
"""Summarises a trial recorded by writer-offcpu.sh: what the writer's slow statements waited for.

A writer's statement runs on its server thread from the moment the thread wakes with the client's
statement to the moment it waits for the next one. For each statement that took at least SLOW_MS
there, every time its thread was off a processor is listed by where it blocked (its stack from
MariaDB's own frames), how (the kernel's wait), and who woke it (the waker's role, from the process
list, and its stack); the time between the wake-up and the thread running again is its wait for a
processor ("runq").

usage: writer-offcpu.py OUT_DIR TRIAL [SLOW_MS]
"""
import collections
import re
import subprocess
import sys

out, trial = sys.argv[1], sys.argv[2]
slow_ms = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
offset = float(open(f"{out}/clock-offset").read())
writers = {int(t) for t in open(f"{out}/trial-{trial}.threads").read().split(",") if t.strip()}


def seconds(hms):
    h, m, s = hms.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def role_of(info):
    if info.startswith("INSERT INTO messages (workspace_id"):
        return "writer"
    if info.startswith(("delete from `messages`", "delete `lethe_run_files`", "insert into `lethe_run",
                        "select `messages`.`id`", "select `id`, `entity`")):
        return "lethe"
    if re.search(r"FROM `[a-z_]+`\.`messages`", info):
        return "pt-archiver"
    return None


# a connection's role from what it ran; a thread's at a time from the connection on it then
rows = [line.rstrip("\n").split("\t") for line in open(f"{out}/processlist.tsv")]
role = {}
for r in rows:
    if len(r) >= 7 and role_of(r[6]):
        role.setdefault(r[1], role_of(r[6]))
spans = collections.defaultdict(list)
for r in rows:
    if len(r) >= 7 and r[1] in role:
        spans[int(r[2])].append((seconds(r[0]), role[r[1]]))


def role_at(tid, monotonic):
    s = spans.get(tid)
    if not s:
        return None
    wall = (monotonic + offset) % 86400
    t, r = min(s, key=lambda x: abs(x[0] - wall))
    return r if abs(t - wall) < 30 else None


HEADER = re.compile(r"^\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+(\d+\.\d+):\s+(\S+):\s*(.*)$")
FRAME = re.compile(r"^[0-9a-f]+\s+(.*?)\s+\((.*)\)$")


def events():
    perf = subprocess.Popen(
        ["perf", "script", "-i", f"{out}/trial-{trial}.data", "--ns",
         "-F", "comm,tid,cpu,time,event,trace,ip,sym,dso"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, errors="replace")
    event = None
    for line in perf.stdout:
        line = line.rstrip("\n")
        if not line.strip():
            if event:
                yield event
            event = None
            continue
        m = HEADER.match(line)
        if m and not line.startswith("\t"):
            if event:
                yield event
            comm, tid, _, t, name, rest = m.groups()
            rest = re.sub(r"\s+ffffffff[0-9a-f]+ \S+.*$", "", rest)  # a stackless event's ip
            event = dict(comm=comm, tid=int(tid), t=float(t), name=name,
                         fields=dict(re.findall(r"(\w+)=(\S+)", rest)), stack=[])
        elif event is not None:
            f = FRAME.match(line.strip())
            if f:
                event["stack"].append((re.sub(r"\+0x[0-9a-f]+$", "", f.group(1)), f.group(2)))
    if event:
        yield event


LIBRARY = ("__", "futex", "syscall", "start_thread", "clone", "[unknown]", "inline_mysql",
           "pthread", "std::", "psi_")
IDLE = ("vio_read", "my_net_read", "vio_socket_io_wait", "my_real_read")


def signature(stack, frames):
    user = [s for s, dso in stack if "kernel" not in dso]
    while user and user[0].startswith(LIBRARY):
        user.pop(0)
    return " < ".join(user[:frames])


def kernel_wait(stack):
    for s, dso in stack:
        if "kernel" in dso and s not in ("__schedule", "schedule", "schedule_timeout",
                                         "io_schedule", "io_schedule_timeout"):
            return s
    return ""


def idle(stack):
    return any(s in IDLE for s, _ in stack)


off, woken, running, slow, statements = {}, {}, {}, [], 0
for e in events():
    if e["name"] == "sched:sched_switch":
        prev, nxt = int(e["fields"].get("prev_pid", -1)), int(e["fields"].get("next_pid", -1))
        if prev in writers and (e["stack"] or prev not in off):
            off[prev] = (e["t"], e["stack"], e["fields"].get("prev_state"))
            if e["stack"] and idle(e["stack"]) and prev in running:
                statement = running.pop(prev)
                statements += 1
                took = (e["t"] - statement["start"]) * 1000
                if took >= slow_ms:
                    slow.append((took, statement["waits"]))
        if nxt in writers and nxt in off:
            t0, stack, state = off.pop(nxt)
            waker = woken.pop(nxt, None)
            if idle(stack):
                running[nxt] = {"start": e["t"], "waits": []}
            elif nxt in running:
                who = (role_at(waker[1], waker[0]) or waker[2]) if waker else "preempted"
                running[nxt]["waits"].append((
                    signature(stack, 6), kernel_wait(stack), state, who,
                    signature(waker[3], 8) if waker and waker[3] else "",
                    (e["t"] - t0) * 1000, (e["t"] - waker[0]) * 1000 if waker else (e["t"] - t0) * 1000))
    elif e["name"] == "sched:sched_waking":
        pid = int(e["fields"].get("pid", -1))
        if pid in writers and pid not in woken:
            woken[pid] = (e["t"], e["tid"], e["comm"], e["stack"])

print(f"writer statements {statements}, at least {slow_ms} ms on the server: {len(slow)}, "
      f"{sum(t for t, _ in slow):.1f} ms in all")


def kind(blocked, state, waker):
    if "buf_page_write_complete" in waker:
        return "a page the page cleaner is writing"
    if re.search(r"log_write_up_to|group_commit|pending_ops|log_t::flush|log_file_t|os_file_sync",
                 blocked):
        return "the redo log (group commit, write, flush)"
    if "row_purge" in waker:
        return "a latch held by InnoDB's purge"
    if state == "R":
        return "a processor (preempted)"
    if "buf_page_get_low" in blocked:
        return "a page latch held by another statement"
    return "other"


kinds = collections.defaultdict(lambda: [0, 0.0, 0.0])
waits = collections.defaultdict(lambda: [0, 0.0, 0.0])
for _, ws in slow:
    for blocked, kernel, state, who, waker, took, runq in ws:
        for w in (waits[(blocked, kernel, state, who, waker)], kinds[kind(blocked, state, waker)]):
            w[0] += 1
            w[1] += took
            w[2] += runq
print("waited for, in those statements:")
for k, (n, took, runq) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
    print(f"{n:5d} x {took:8.1f} ms (runq {runq:6.1f} ms) {k}")
print("where, the longest in all:")
for (blocked, kernel, state, who, waker), (n, took, runq) in sorted(
        waits.items(), key=lambda kv: -kv[1][1])[:20]:
    print(f"{n:5d} x {took:8.1f} ms (runq {runq:6.1f} ms) state={state} kernel={kernel} woken by={who}")
    print(f"      blocked: {blocked}")
    if waker:
        print(f"      waker:   {waker}")
