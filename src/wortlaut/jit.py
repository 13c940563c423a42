"""numba's ``njit``, or where numba is missing (no wheel for the platform) a stand-in that leaves
the function as it is: the same results, interpreted and much slower."""

from __future__ import annotations

try:
    from numba import njit
except ImportError:  # pragma: no cover - numba is a dependency; this keeps a platform without it working
    def njit(*args, **kwargs):
        if args and callable(args[0]):
            return args[0]
        return lambda function: function

__all__ = ["njit"]
