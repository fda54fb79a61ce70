"""Write the hostile cases whose exact bytes matter (encodings, control characters, line endings).

Run from the repository root: ``python tests/hostile/_generate_bytes.py``. The files are committed; this
script documents how they were made. Large cases are not here: tests/test_hostile_corpus.py generates them
into a temporary directory at test time.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

VALID = (
    "schema_version: 1\n"
    "statement: {id: s, languages: [nb], default_language: nb}\n"
    "controller: {id: c, legal_name: Eksempel AS, contact: {email: post@example.no}}\n"
)

FILES: dict[str, bytes] = {
    # The statement saved as UTF-32 with its byte order mark: NUL bytes from the first character on.
    "utf32-bom.yaml": VALID.encode("utf-32"),
    # A byte order mark alone: an empty file in disguise.
    "only-bom.yaml": b"\xef\xbb\xbf",
    # A second BOM (U+FEFF, a zero-width no-break space) pasted in front of a key on line 3.
    "bom-inside-the-file.yaml": VALID.replace("controller:", "\ufeffcontroller:").encode(),
    # LF, CRLF and CR mixed in one file (a merge gone wrong), with an unknown key on line 5.
    "mixed-line-endings.yaml": (
        b"schema_version: 1\r\n"
        b"statement: {id: s, languages: [nb], default_language: nb}\n"
        b"controller: {id: c, legal_name: Eksempel AS, contact: {email: post@example.no}}\r"
        b"# a comment\r\n"
        b"colour: blue\n"
    ),
    # Classic Mac line endings (CR only) and a NUL byte on line 2, column 18.
    "cr-line-endings-nul-byte.yaml": b"schema_version: 1\rstatement: {id: s\x00}\r",
    # Latin-1 "blåbær" in a comment on line 4: the first bad byte (0xe5) is at column 5. Comments must be
    # UTF-8 too.
    "latin1-in-comment.yaml": VALID.encode() + b"# Bl\xe5b\xe6r\n",
    # An overlong UTF-8 encoding of '/' (0xc0 0xaf), a classic filter bypass, on line 4, column 11.
    "overlong-utf8.yaml": VALID.encode() + b'extra: "..\xc0\xaf.."\n',
    # A UTF-16 surrogate encoded as UTF-8 bytes (0xed 0xa0 0x80), which UTF-8 forbids, on line 4, column 9.
    "surrogate-bytes.yaml": VALID.encode() + b'extra: "\xed\xa0\x80"\n',
    # A lone surrogate written as a YAML escape: valid YAML, but not text that can be printed as UTF-8.
    "surrogate-escape-in-key.yaml": VALID.encode() + b'"\\ud800": 1\n',
    # Terminal control sequences and a line break written as escapes in a key: a message that quotes the
    # key must not clear the screen, retitle the terminal or forge a line of the report.
    "control-escapes-in-key.yaml": VALID.encode() + b'"\\e[2J\\e]0;pwned\\a\\nclean.yaml:1:1: fake\\r": 1\n',
    # A raw BEL control character (0x07) in a value on line 4, column 9: not allowed in YAML.
    "raw-control-character.yaml": VALID.encode() + b"extra: a\x07b\n",
    # A hexadecimal schema_version of 3800 digits: an integer too long to print in decimal (Python refuses
    # str() of ints over 4300 digits).
    "schema-version-huge-hex.yaml": VALID.replace(
        "schema_version: 1", "schema_version: 0x" + "f" * 3800
    ).encode(),
    # Tabs as separators after ':' and in flow collections are valid YAML 1.2 (tabs only fail as indentation).
    "tabs-as-separators.yaml": VALID.replace("id: s, ", "id:\ts,\t")
    .replace("legal_name: ", "legal_name:\t")
    .encode(),
}


def main() -> None:
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
