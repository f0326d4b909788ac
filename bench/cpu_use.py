"""Where the machine's CPU went during a timed run: the app's server processes, the load tool, and the rest
(PostgreSQL, on the same cores in these benches). Read from /proc, so Linux only."""

import os
import resource
from dataclasses import dataclass
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # the process ended
        return None
    return text[text.rindex(")") + 2 :].split()  # after "pid (name) "; the name may hold spaces


def tree_cpu(root: int) -> float:
    """CPU seconds of `root` and every process under it that is still running (gunicorn's workers stay)."""
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat_fields(int(entry.name))):
            parents[int(entry.name)] = int(fields[1])
            spent[int(entry.name)] = (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += spent.get(pid, 0.0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def machine_busy() -> float:
    """CPU seconds all cores spent on anything but idling since boot."""
    user, nice, system, idle, iowait, *rest = (int(v) for v in Path("/proc/stat").read_text().split()[1:11])
    return (user + nice + system + sum(rest)) / TICK


def waited_children() -> float:
    """CPU seconds of this process's children that have ended and been waited for (the load tool, after its run)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


@dataclass(frozen=True)
class CpuUse:
    app: float  # seconds, in the server's processes
    load: float  # in the load tool
    rest: float  # everything else: PostgreSQL, the kernel's share not charged to a process, this bench

    def per_request_ms(self, requests: float) -> tuple[float, float, float]:
        return tuple(seconds * 1000 / max(requests, 1) for seconds in (self.app, self.load, self.rest))


class CpuMeter:
    """`with CpuMeter(server_pid) as meter: run()`, then meter.use."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid

    def __enter__(self) -> "CpuMeter":
        self._start = (tree_cpu(self.server_pid), waited_children(), machine_busy())
        return self

    def __exit__(self, *exc: object) -> None:
        app, load, busy = (
            now - before
            for now, before in zip(
                (tree_cpu(self.server_pid), waited_children(), machine_busy()), self._start, strict=True
            )
        )
        self.use = CpuUse(app, load, max(busy - app - load, 0.0))
