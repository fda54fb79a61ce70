"""Text from a statement is shown, never obeyed: control characters are made visible before printing."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the invisible or direction-changing characters that can disguise a line.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def without_controls(text: str) -> str:
    """``text`` with every control character but line breaks written as an escape (``\\x1b``)."""
    return _UNSAFE.sub(_escape, text)


def visible(text: str) -> str:
    """``text`` on one line: line breaks written as ``\\n``, other control characters escaped too."""
    text = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r").replace("\t", " ")
    return without_controls(text)
