"""grpo-rewards-math: the ``math`` answer-equivalence reward (math-verify, SymPy, LaTeX).

Import cost is light: SymPy and math-verify load inside the worker processes
that score, never when the plugin is discovered.
"""

from __future__ import annotations

from .options import MathOptions
from .reward import MathReward

__all__ = ["MathOptions", "MathReward"]
