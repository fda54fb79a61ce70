"""Write the corpus files whose exact bytes matter (encodings, line endings, binary content).

Run once from the repository root: ``python tests/corpus/_generate_bytes.py``. The files are committed;
this script only documents how they were made. ``.gitattributes`` here keeps git from touching them.
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
    # A NUL inside a value on line 2, column 18.
    "nul-byte.yaml": b"schema_version: 1\nstatement: {id: s\x00}\n",
    # The first 16 bytes of a PNG image (its first NUL is on line 3, column 1).
    "png-header.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    # Latin-1 "blåbær" on line 4: the first bad byte (0xe5) is at column 13.
    "invalid-utf8.yaml": b'schema_version: 1\nstatement:\n  id: s\n  title: "bl\xe5b\xe6r"\n',
    # Valid statement with a UTF-8 byte order mark: accepted.
    "utf8-bom.yaml": b"\xef\xbb\xbf" + VALID.encode("utf-8"),
    # UTF-8 BOM and an error on line 1: the column must not count the BOM (17, not 18).
    "utf8-bom-error-on-line-1.yaml": b"\xef\xbb\xbf"
    + VALID.replace("schema_version: 1", "schema_version: 2").encode(),
    # The same statement saved as UTF-16 (with its BOM): refused with a clear message.
    "utf16-bom.yaml": VALID.encode("utf-16"),
    # Windows line endings: accepted.
    "crlf.yaml": VALID.replace("\n", "\r\n").encode(),
    # Windows line endings with an unknown key on line 4: the line number must be 4.
    "crlf-unknown-key-line-4.yaml": (VALID + "colour: blue\n").replace("\n", "\r\n").encode(),
    # Classic Mac line endings with an unknown key on line 4.
    "cr-unknown-key-line-4.yaml": (VALID + "colour: blue\n").replace("\n", "\r").encode(),
    # Multi-byte characters before an invalid byte: the column counts characters (6), not bytes.
    "invalid-utf8-after-multibyte.yaml": "# æø ".encode() + b"\xff\n" + VALID.encode(),
    # Three U+2028 LINE SEPARATORs inside a value on line 3, an unknown key on line 4. YAML 1.2 (and
    # editors, grep, GitHub) do not break lines there, so the unknown key must be reported on line 4.
    "line-separator-in-value.yaml": (
        VALID.replace("legal_name: Eksempel AS", 'legal_name: "Eksempel\u2028\u2028\u2028AS"')
        + "colour: blue\n"
    ).encode(),
}


def main() -> None:
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
