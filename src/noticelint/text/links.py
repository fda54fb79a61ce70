"""Link targets and contact channels written into wording."""

from __future__ import annotations

import re

# A link target in the wording: an http(s) URL, a bare www. address or a [label](url) link.
LINK_TARGET = re.compile(
    r"https?://\S+|(?<![\w@])www\.[\w-]+(?:\.[\w-]+)+|\[[^\]]+\]\([^)\s]+\)", re.IGNORECASE
)
# Contact channels written into a sentence: an e-mail address, a URL or a telephone number.
CHANNEL_IN_TEXT = re.compile(
    r"(?<![^@\s])[^@\s]+@[^@\s]+\.\w+|https?://\S+|(?<![\w@])www\.[\w-]+(?:\.[\w-]+)+|(?<!\d)(?<!\d )\+?\d[\d ]{6,}\d",
    re.IGNORECASE,
)
