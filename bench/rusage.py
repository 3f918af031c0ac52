#!/usr/bin/env python3
"""Runs a command and writes the CPU time and peak memory of it and every process it started.

    python3 bench/rusage.py OUT.json CMD [ARG...]

GNU time only counts descendants that were waited for; Pagefind's Node API kills its process without
waiting, so that process's CPU went uncounted. This wrapper marks itself a child subreaper
(prctl PR_SET_CHILD_SUBREAPER): orphaned descendants are re-parented to it, and it reaps every one,
so getrusage(RUSAGE_CHILDREN) at the end covers the whole tree. Exits with the command's exit code.
"""
import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36

out, cmd = sys.argv[1], sys.argv[2:]
libc = ctypes.CDLL(None, use_errno=True)
subreaper = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
t0 = time.monotonic()
child = subprocess.Popen(cmd)
code = None
command_s = None
reaped = 0
max_rss_kb = 0
while True:
    try:
        pid, status, usage = os.wait4(-1, 0)
    except ChildProcessError:
        break
    reaped += 1
    max_rss_kb = max(max_rss_kb, usage.ru_maxrss)
    if pid == child.pid:
        code = os.waitstatus_to_exitcode(status)
        command_s = time.monotonic() - t0
children = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    json.dump(
        {
            "subreaper": subreaper,
            "exitCode": code,
            "commandS": command_s,
            "treeS": time.monotonic() - t0,
            "userS": children.ru_utime,
            "sysS": children.ru_stime,
            "maxRssKB": max(max_rss_kb, children.ru_maxrss),
            "reaped": reaped,
        },
        f,
    )
sys.exit(code if code is not None and code >= 0 else 1)
