"""Work functions the runner tests send to worker processes (importable by name in a fresh process)."""

import os
import time

STATE: dict = {}


def init(tag: str) -> None:
    STATE["tag"] = tag


def work(path: str) -> dict:
    """Behave as the path's name says: hang, bloat, die, or finish."""
    name = os.path.basename(path)
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("bloat"):
        block = bytearray(1)
        chunks = []
        for _ in range(400):  # up to ~2 GB, 5 MB at a time, touched so it is resident
            block = bytearray(5_000_000)
            block[::4096] = b"x" * len(block[::4096])
            chunks.append(block)
            time.sleep(0.005)
    if name.startswith("die"):
        os._exit(3)
    return {"path": path, "tag": STATE["tag"], "pid": os.getpid()}
