"""``grpo-rewards serve``: the rewards behind HTTP, for engines that call a verifier service.

=============  ===============================================================
``limits``     :class:`Limits`: body size, rows, completion length, concurrency, shutdown
``scorer``     :class:`Scorer`: the served rewards and the scoring of request rows (no HTTP)
``envelope``   reading a ``POST /score`` body; refusals that name the field
``app``        the FastAPI app (imports FastAPI)
``server``     binding, uvicorn, graceful shutdown, socket ownership, leases
``node``       one service per host shared by every training rank, on a Unix socket
=============  ===============================================================

Importing this package imports neither FastAPI nor uvicorn; :func:`run_service` does.
"""

from __future__ import annotations

from .limits import Limits
from .scorer import Scorer, selection_fingerprint
from .server import Address, AlreadyServed, run_service

__all__ = ["Address", "AlreadyServed", "Limits", "Scorer", "run_service", "selection_fingerprint"]
