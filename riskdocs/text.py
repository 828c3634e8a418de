"""What text a form can hold: the characters Word documents forbid."""

from __future__ import annotations

import re

FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters a Word document cannot hold: control characters that Excel and
Word paste in (a vertical tab for a line break, for one) and lone surrogates."""


def forbidden_characters(text: str) -> list[str]:
    """Return the code points (U+000B …) of the forbidden characters in ``text``."""
    found = FORBIDDEN_IN_XML.findall(text)
    return sorted({f"U+{ord(character):04X}" for character in found})
