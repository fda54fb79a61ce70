"""Build src/noticelint/text/words.txt, the ordinary words of Norwegian Bokmål and English.

The organisation finder (noticelint.text.organisations) takes a brand-like token ("ØstCom", "ACME",
"Web24") for a name only when it is not an ordinary word; this list says which words are. It is made
from wordfreq's "large" frequency lists for nb and en (every word at or above a Zipf frequency of 2.0,
about once in 100 million words), which are built from subtitles, Wikipedia, news, books, web text and
social media, so they hold the words of both languages and the brands everybody writes ("LinkedIn",
"WordPress", "iPhone", "GDPR") as well.

    pip install 'wordfreq==3.1.1'
    python tools/build_wordlist.py            # rewrites src/noticelint/text/words.txt
    python tools/build_wordlist.py --check    # exit 1 if the committed file differs

Licence: wordfreq's code is Apache-2.0; its data, and so this derived list, is CC BY-SA 4.0
(https://creativecommons.org/licenses/by-sa/4.0/); the header of the file says so and names the source.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "noticelint" / "text" / "words.txt"
LANGUAGES = ("nb", "en")
MIN_ZIPF = 2.0
# A word of the list: letters, digits, hyphens and apostrophes, with at least one letter.
_WORD = re.compile(r"^(?=.*[^\W\d_])[\w'’-]{2,}$")


def build() -> str:
    from importlib.metadata import version

    import wordfreq

    words: set[str] = set()
    for language in LANGUAGES:
        for word, frequency in wordfreq.get_frequency_dict(language, wordlist="large").items():
            if math.log10(frequency) + 9 >= MIN_ZIPF and _WORD.match(word):
                words.add(word.casefold())
    header = [
        "# Ordinary words of Norwegian Bokmål (nb) and English (en), casefolded, sorted by code point.",
        f"# Made by tools/build_wordlist.py from wordfreq {version('wordfreq')} 'large' lists: every word",
        f"# with a Zipf frequency of at least {MIN_ZIPF} in either language ({len(words)} words).",
        "# Source: wordfreq, Robyn Speer et al., https://github.com/rspeer/wordfreq",
        "# Licence of this list: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/),",
        "# as wordfreq's data; noticelint's code is Apache-2.0.",
    ]
    return "\n".join([*header, *sorted(words)]) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the committed file, write nothing")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print("words.txt is up to date" if same else "words.txt differs from what wordfreq gives")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(REPO)} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
