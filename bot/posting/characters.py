"""Which characters posting text may carry: none that are invisible or that reorder the text.

Bidirectional controls (a right-to-left override can make `Engineer` display as something else),
zero-width and other format characters, and control characters (NUL, which PostgreSQL refuses)
are removed; the zero-width joiner and non-joiner stay where a script needs them, between the
letters of a word (Persian, the Indic scripts).
"""

from __future__ import annotations

import unicodedata

_JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner, zero-width joiner
_KEPT_CONTROLS = frozenset("\n\t")


def clean_text(text: str) -> str:
    """`text` without control, format (Cf) or lone surrogate characters, but for newlines,
    tabs, and joiners between two letters (or a letter's combining marks)."""
    if text.isprintable() and not any(ch in _JOINERS for ch in text):
        return text  # the usual case, at C speed
    kept: list[str] = []
    for index, ch in enumerate(text):
        if ch in _JOINERS:
            before = text[index - 1] if index > 0 else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if _in_word(before) and _in_word(after):
                kept.append(ch)
        elif ch in _KEPT_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"):
            kept.append(ch)
    return "".join(kept)


def _in_word(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch)[0] in "LM"
