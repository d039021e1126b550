"""The figures :mod:`humtrack.plot` returns: matplotlib figures that show themselves in a notebook.

Imported only when something is drawn, since matplotlib is the optional ``plot`` extra. The class
lives at module level so that figures can be pickled like any matplotlib figure.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

__all__ = ["ShownFigure"]


class ShownFigure(Figure):
    """A matplotlib ``Figure`` that a notebook shows as a picture, with or without pyplot."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100)
        return buffer.getvalue()
