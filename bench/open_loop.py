"""An open-loop load: requests sent on a fixed schedule whatever the server's pace, each timed from when it was
due to be sent, so a slow response delays (and shows in) the ones queued behind it rather than hiding them."""

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class OpenLoopResult:
    sent: int
    errors: int  # no answer, or not 200
    latencies: list[float]  # seconds, from the scheduled send to the last byte of the answer


async def _fetch(host: str, port: int, path: str, cookie: str, idle: asyncio.Queue) -> int:
    """One GET on a kept-alive connection if one is free (gunicorn's sync workers close each one after answering)."""
    reader, writer = idle.get_nowait() if not idle.empty() else await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n\r\n".encode())
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
    status = int(head.split(" ", 2)[1])
    length = next((int(line.split(":")[1]) for line in head.split("\r\n") if line.startswith("content-length:")), 0)
    await reader.readexactly(length)
    if "connection: close" in head:
        writer.close()
    else:
        idle.put_nowait((reader, writer))
    return status


async def _run(base: str, requests: list[tuple[str, str]], rate: float, seconds: float) -> OpenLoopResult:
    address = urlsplit(base)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    idle: asyncio.Queue = asyncio.Queue()
    latencies: list[float] = []
    errors = 0
    start = time.monotonic() + 0.1

    async def one(n: int) -> None:
        nonlocal errors
        due = start + n / rate
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        path, cookie = requests[n % len(requests)]
        try:
            status = await asyncio.wait_for(_fetch(host, port, path, cookie, idle), timeout=10)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            status = 0
        latencies.append(time.monotonic() - due)
        errors += status != 200

    count = int(rate * seconds)
    await asyncio.gather(*(one(n) for n in range(count)))
    while not idle.empty():
        idle.get_nowait()[1].close()
    return OpenLoopResult(count, errors, sorted(latencies))


def open_loop(base: str, requests: list[tuple[str, str]], rate: float, seconds: float) -> OpenLoopResult:
    """Send `requests` ((path, cookie header), in turn) at `rate` a second for `seconds`."""
    return asyncio.run(_run(base, requests, rate, seconds))


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")
