"""factcheck: recompute the derived statements of news copy from a claims
registry, with exact arithmetic, and say which follow from the data."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
