"""A cache of findings keyed by everything that decides them.

The key of a file is the hash of its content, the tool's own code, the rule modules (built-in and
custom), the knowledge tables and the configuration. A file whose key is in the cache is not parsed or
checked again. Entries are written atomically (write beside, then rename), so two runs at once never
see half an entry; a corrupt or unreadable entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from noticelint import __version__
from noticelint.input.span import Span
from noticelint.lint.findings import Finding, Severity

CACHE_FORMAT = 1


def _package_files() -> list[Path]:
    """Every source and data file of noticelint and its built-in rules."""
    import importlib.util

    roots: list[Path] = [Path(__file__).resolve().parent]
    spec = importlib.util.find_spec("noticelint.checks")
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    files: list[Path] = []
    for root in roots:
        files += [p for p in root.rglob("*") if p.suffix in (".py", ".csv", ".json") and p.is_file()]
    return sorted(set(files))


def code_fingerprint(extra_dirs: Iterable[Path] = ()) -> str:
    """A hash of the code and data that produce findings: a change to any rule invalidates the cache."""
    digest = hashlib.sha256(f"{__version__}:{CACHE_FORMAT}".encode())
    files = _package_files()
    for directory in extra_dirs:
        if directory.is_dir():
            files += sorted(directory.glob("*.py"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data["severity"] = int(finding.severity)
    return data


def finding_from_dict(data: dict[str, Any]) -> Finding:
    return Finding(
        path=data["path"],
        span=Span(**data["span"]),
        code=data["code"],
        name=data["name"],
        severity=Severity(data["severity"]),
        message=data["message"],
        pointer=data["pointer"],
        legal=tuple(data["legal"]),
        fix=data["fix"],
        waived=data["waived"],
        waiver_reason=data["waiver_reason"],
        input_error=data["input_error"],
        extra=dict(data.get("extra", {})),
    )


class Cache:
    def __init__(self, directory: Path, run_key: str) -> None:
        self.directory = directory / f"v{CACHE_FORMAT}"
        self.run_key = run_key
        self._chain_digests: dict[str, str] = {}

    def key(self, display: str, content_digest: bytes) -> str:
        """The entry of a file: this run's key, the name it is reported under and its content's digest."""
        digest = hashlib.sha256(self.run_key.encode())
        digest.update(display.encode())
        digest.update(b"\0")
        digest.update(content_digest)
        return digest.hexdigest()

    @staticmethod
    def digest(content: bytes) -> bytes:
        """What identifies the content alone, to see whether a file changed between two reads."""
        return hashlib.sha256(content).digest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Finding] | None:
        """The findings filed under ``key``, if every template the file extends is unchanged too."""
        try:
            raw = self._path(key).read_text(encoding="utf-8")
            entry = json.loads(raw)
            if isinstance(entry, dict):  # a statement that extends templates: the chain is part of the key
                if not all(self._unchanged(path, digest) for path, digest in entry["chain"]):
                    return None
                entry = entry["findings"]
            return [finding_from_dict(item) for item in entry]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _unchanged(self, path: str, digest: str) -> bool:
        """Whether a template still has the content it had when the entry was written (each template is
        read once per run, however many statements extend it)."""
        known = self._chain_digests.get(path)
        if known is None:
            try:
                known = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                known = ""
            self._chain_digests[path] = known
        return known == digest

    def put(self, key: str, findings: list[Finding], chain: Iterable[tuple[str, bytes]] = ()) -> None:
        """File ``findings`` under ``key``; ``chain`` (the templates the file extends, with the digests
        of the bytes that were checked) must be unchanged for the entry to be used again."""
        path = self._path(key)
        chain = list(chain)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            marker = self.directory.parent / ".gitignore"
            if not marker.exists():
                marker.write_text("# Created by noticelint.\n*\n", encoding="utf-8")
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                found = [finding_to_dict(f) for f in findings]
                entry: Any = (
                    {"chain": [(p, d.hex()) for p, d in chain], "findings": found} if chain else found
                )
                json.dump(entry, handle, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            return  # a cache that cannot be written only costs time


def _libyaml_available() -> bool:
    """Whether ruamel.yaml.clib is installed (it decides a few corner cases), without importing it."""
    import importlib.util

    return any(importlib.util.find_spec(name) is not None for name in ("_ruamel_yaml", "_ruamel_yaml_clibz"))


def run_key(config_repr: str, selection: str, extra_dirs: Iterable[Path]) -> str:
    parts = (code_fingerprint(extra_dirs), config_repr, selection, f"libyaml={_libyaml_available()}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
