"""Child processes that never outlive casereview (workers, LibreOffice)."""

from __future__ import annotations

import signal
import sys


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies, even by SIGKILL (Linux; elsewhere nothing).

    Called in a worker at start and as ``preexec_fn`` of the LibreOffice processes casereview starts,
    so a ``score`` killed mid-batch leaves no worker or ``soffice`` running.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
