"""A page's texts end to end as code points, each classed once: the shared first step of features
computed for all a page's blocks at once (cleaner/read/shape.py, cleaner/mark/characters.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def spans(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of each text in the texts joined end to end."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths)
    return ends - lengths, ends


def classed(
    text: str, ascii_classes: np.ndarray, class_of: Callable[[str], int]
) -> tuple[np.ndarray, np.ndarray]:
    """(code points, classes) of every character of `text`: ASCII by the table, each other code
    point that occurs classed once by `class_of` (the string methods themselves)."""
    if text.isascii():
        codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        return codes, ascii_classes[codes]
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = ascii_classes[np.minimum(codes, 127)]
    wide = np.flatnonzero(codes >= 128)
    distinct, where = np.unique(codes[wide], return_inverse=True)
    table = np.fromiter(
        map(class_of, map(chr, distinct.tolist())), dtype=ascii_classes.dtype, count=len(distinct)
    )
    classes[wide] = table[where]
    return codes, classes
