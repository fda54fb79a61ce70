"""A cache of findings keyed by everything that decides them; it can cost time, never change a verdict.

The key of a file is the hash of its content, the tool's own code, the rule modules (built-in, and every
file under each custom rules directory), the knowledge tables and the configuration. A file whose key is
in the cache is not parsed or checked again.

A statement that extends templates is decided by them too. Its entry starts with the chain it was checked
with (a :class:`~noticelint.input.paths.ChainBasis`: its resolved path, the repository root, the working
directory, and every template in order with the SHA-256 of the bytes merged). The entry is believed only
while each of those still holds: every name resolves to the same file, every file has the same digest, the
root and the working directory are the same. Changing a template therefore re-checks every statement
that extends it; each template is read once a run to see that.

An entry is believed only when it carries an HMAC made with this user's secret key, which lives outside
the repository (``$XDG_CONFIG_HOME/noticelint/cache-key``, mode 0600, made on first use) or comes from
``NOTICELINT_CACHE_KEY``. An entry planted in the working tree, restored from someone else's CI cache or
written by another user therefore fails the check, and so does one that is unreadable, truncated, of the
wrong shape or types, or about another file: each is a miss, and the file is checked. Entries are opened
relative to the cache directory without following symbolic links below it, written to a temporary file
and renamed into place; the temporary file is removed on every error.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from noticelint import __version__
from noticelint.input.paths import ChainBasis, display_name, repository_root
from noticelint.input.reading import LoadError, read_bytes
from noticelint.input.span import Span
from noticelint.lint.config import ConfigError
from noticelint.lint.findings import Finding, Severity, ValueSource

CACHE_FORMAT = 2
DEFAULT_DIRECTORY = ".noticelint_cache"
KEY_ENVIRONMENT = "NOTICELINT_CACHE_KEY"
MAGIC = b"noticelint-cache-2 "
MAX_ENTRY_BYTES = 32 * 1024 * 1024
_MAC_HEX = 64
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_DIR_FD = os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd


class CacheError(ConfigError):
    """The cache directory cannot be used safely: one line, exit 2."""


# --------------------------------------------------------------------------------------------------
# What the key covers


def _package_files() -> list[Path]:
    """Every source and data file of noticelint and its built-in rules."""
    import importlib.util

    roots: list[Path] = [Path(__file__).resolve().parent.parent]
    spec = importlib.util.find_spec("noticelint.checks")
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    files: list[Path] = []
    for root in roots:
        files += [p for p in root.rglob("*") if p.suffix in (".py", ".csv", ".json") and p.is_file()]
    return sorted(set(files))


def _tree(directory: Path) -> Iterator[tuple[str, bytes]]:
    """Every file under ``directory`` (sub-packages and data files too) as (relative name, content).

    Byte-code caches are left out: they follow the sources, and the first run writes them. A symbolic
    link to a directory is not followed; its target is hashed instead.
    """
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in list(dirs):
            if name == "__pycache__":
                dirs.remove(name)
            elif os.path.islink(os.path.join(root, name)):
                yield (
                    os.path.relpath(os.path.join(root, name), directory),
                    os.readlink(os.path.join(root, name)).encode("utf-8", "surrogateescape"),
                )
        for name in sorted(files):
            path = os.path.join(root, name)
            relative = os.path.relpath(path, directory)
            try:
                with open(path, "rb") as handle:
                    content = handle.read()
            except OSError as exc:  # a dangling link, a file without read permission
                content = f"unreadable: {exc.strerror}".encode()
            yield relative, content


def code_fingerprint(extra_dirs: Iterable[Path] = ()) -> str:
    """A hash of the code and data that produce findings: a change to any rule invalidates the cache."""
    digest = hashlib.sha256(f"{__version__}:{CACHE_FORMAT}".encode())
    for path in _package_files():
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for directory in extra_dirs:
        digest.update(b"rules-dir\0" + str(directory).encode("utf-8", "surrogateescape") + b"\0")
        if directory.is_dir():
            for name, content in _tree(directory):
                digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
                digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def _libyaml_available() -> bool:
    """Whether ruamel.yaml.clib is installed (it decides a few corner cases), without importing it."""
    import importlib.util

    return any(importlib.util.find_spec(name) is not None for name in ("_ruamel_yaml", "_ruamel_yaml_clibz"))


def run_key(config_repr: str, selection: str, extra_dirs: Iterable[Path]) -> str:
    parts = (code_fingerprint(extra_dirs), config_repr, selection, f"libyaml={_libyaml_available()}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# --------------------------------------------------------------------------------------------------
# Entries: written by us, checked field by field when read


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data["severity"] = int(finding.severity)
    return data


_FIELDS = {
    "path": str,
    "span": dict,
    "code": str,
    "name": str,
    "severity": int,
    "message": str,
    "pointer": str,
    "legal": list,
    "fix": str,
    "waived": bool,
    "waiver_reason": str,
    "input_error": bool,
    "extra": dict,
    "trace": list,
}
_SPAN = ("line", "column", "end_line", "end_column")
_SOURCE = {"path": str, "line": int, "column": int, "pointer": str}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def finding_from_dict(data: object, display: str, templates: frozenset[str] = frozenset()) -> Finding | None:
    """The finding an entry describes, or ``None`` if anything about it is not what this code writes.

    It stands in the file the entry is about, or (a finding inherited from a template) in one of the
    ``templates`` that file extends."""
    if not isinstance(data, dict) or data.keys() != _FIELDS.keys():
        return None
    for key, kind in _FIELDS.items():
        value = data[key]
        if kind is int and not _is_int(value):
            return None
        if not isinstance(value, kind):
            return None
    span, legal, extra = data["span"], data["legal"], data["extra"]
    if data["path"] != display and data["path"] not in templates:
        return None
    if span.keys() != set(_SPAN) or data["severity"] not in (1, 2, 3):
        return None
    if not all(_is_int(span[k]) and 0 <= span[k] < 1 << 31 for k in _SPAN):
        return None
    if not all(isinstance(item, str) for item in legal):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in extra.items()):
        return None
    trace = []
    for source in data["trace"]:
        if not isinstance(source, dict) or source.keys() != _SOURCE.keys():
            return None
        if not all(_is_int(source[k]) if t is int else isinstance(source[k], t) for k, t in _SOURCE.items()):
            return None
        trace.append(ValueSource(**source))
    return Finding(
        path=data["path"],
        span=Span(**{k: span[k] for k in _SPAN}),
        code=data["code"],
        name=data["name"],
        severity=Severity(data["severity"]),
        message=data["message"],
        pointer=data["pointer"],
        legal=tuple(legal),
        fix=data["fix"],
        waived=data["waived"],
        waiver_reason=data["waiver_reason"],
        input_error=data["input_error"],
        extra=dict(extra),
        trace=tuple(trace),
    )


def encode_entry(findings: list[Finding], basis: ChainBasis | None = None) -> bytes:
    """A plain entry is the findings' JSON list; a statement with a chain has its basis on a first line
    (JSON without raw line breaks) before it."""
    body = json.dumps(
        [finding_to_dict(f) for f in findings], ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8", "surrogatepass")
    if basis is None:
        return body
    head = {
        "statement": basis.statement,
        "root": basis.root,
        "cwd": basis.cwd,
        "files": [[f.link, f.path, f.digest.hex()] for f in basis.files],
    }
    return json.dumps(head, separators=(",", ":")).encode("ascii") + b"\n" + body


def split_entry(body: bytes) -> tuple[bytes | None, bytes]:
    """(the chain line or ``None`` for a plain entry, the findings)."""
    if body.startswith(b"{"):
        head, _, rest = body.partition(b"\n")
        return head, rest
    return None, body


class ChainCheck:
    """Whether the chain an entry was checked with still holds, for one run: each template is read and
    hashed once, each name resolved once."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._cwd = str(Path.cwd().resolve())
        self._digests: dict[str, str | None] = {}
        self._resolved: dict[str, str | None] = {}
        self._roots: dict[Path, str] = {}
        self._names: dict[str, str] = {}
        self._held: dict[tuple[bytes, Path], frozenset[str] | None] = {}

    def holds(self, head: bytes, statement: Path) -> frozenset[str] | None:
        """The names the templates are reported under if the chain ``head`` describes is still what
        the files say, else ``None``."""
        if (head, statement) not in self._held:
            self._held[(head, statement)] = self._holds(head, statement)
        return self._held[(head, statement)]

    def _holds(self, head: bytes, statement: Path) -> frozenset[str] | None:
        try:
            data = json.loads(head.decode("ascii"))
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.keys() != {"statement", "root", "cwd", "files"}:
            return None
        try:
            here = statement.resolve()
        except (OSError, RuntimeError):
            return None
        if data["statement"] != str(here) or data["cwd"] != self._cwd:
            return None
        if here.parent not in self._roots:
            self._roots[here.parent] = str(repository_root(here.parent))
        if data["root"] != self._roots[here.parent] or not isinstance(data["files"], list):
            return None
        names = set()
        for item in data["files"]:
            if not (isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)):
                return None
            link, path, digest = item
            if self._resolve(link) != path or self._digest(path) != digest:
                return None
            if path not in self._names:
                self._names[path] = display_name(Path(path))
            names.add(self._names[path])
        return frozenset(names)

    def _resolve(self, link: str) -> str | None:
        if link not in self._resolved:
            try:
                self._resolved[link] = str(Path(link).resolve())
            except (OSError, RuntimeError):
                self._resolved[link] = None
        return self._resolved[link]

    def _digest(self, path: str) -> str | None:
        if path not in self._digests:
            try:
                self._digests[path] = hashlib.sha256(read_bytes(Path(path), self.max_bytes)).hexdigest()
            except LoadError:
                self._digests[path] = None
        return self._digests[path]


def decode_entry(body: bytes, display: str, templates: frozenset[str] = frozenset()) -> list[Finding] | None:
    _, body = split_entry(body)
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, list):
        return None
    findings = []
    for item in data:
        finding = finding_from_dict(item, display, templates)
        if finding is None:
            return None
        findings.append(finding)
    return findings


# --------------------------------------------------------------------------------------------------
# The secret that makes an entry ours


def key_path() -> Path:
    """``$XDG_CONFIG_HOME/noticelint/cache-key`` (``~/.config/...`` when unset): never in a checkout."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "noticelint" / "cache-key"


def _read_key(path: Path) -> bytes:
    """The key in ``path``; raises OSError when missing, ValueError when it cannot be trusted."""
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            raise ValueError("belongs to another user")
        if info.st_mode & 0o077:
            raise ValueError(
                f"can be read or written by others (mode {info.st_mode & 0o777:o}; chmod 600 it)"
            )
        text = os.read(fd, 4096).strip()
    finally:
        os.close(fd)
    if len(text) < 32:
        raise ValueError("is too short to be a key (delete it: a new one is made)")
    return text


def _make_key(path: Path) -> bytes:
    """A new random key, put in place whole (or the one another run made at the same moment)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_hex(32).encode() + b"\n")
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return _read_key(path)


def load_secret() -> bytes:
    """This user's cache key; raises CacheError (for the environment) or OSError/ValueError (the file)."""
    given = os.environ.get(KEY_ENVIRONMENT, "")
    if given:
        if len(given) < 32:
            raise CacheError(f"{KEY_ENVIRONMENT} must be a random secret of at least 32 characters")
        return given.encode("utf-8", "surrogateescape")
    path = key_path()
    try:
        return _read_key(path)
    except FileNotFoundError:
        return _make_key(path)


# --------------------------------------------------------------------------------------------------
# The cache


class Cache:
    def __init__(self, directory: Path, run_key: str, secret: bytes) -> None:
        self.root = directory
        self.directory = directory / f"v{CACHE_FORMAT}"
        self.run_key = run_key
        self._secret = secret
        self._version_fd: int | None = None
        self._shards: dict[str, int] = {}

    def key(self, display: str, content_digest: bytes) -> str:
        """The entry of a file: this run's key, the name it is reported under and its content's digest."""
        digest = hashlib.sha256(self.run_key.encode())
        digest.update(display.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(content_digest)
        return digest.hexdigest()

    @staticmethod
    def digest(content: bytes) -> bytes:
        """What identifies the content alone, to see whether a file changed between two reads."""
        return hashlib.sha256(content).digest()

    def _mac(self, key: str, body: bytes) -> bytes:
        return hmac.new(self._secret, key.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()

    # Directories: opened once, never through a symbolic link below the cache directory.

    def _version(self, create: bool) -> int | None:
        if self._version_fd is None:
            if create:
                self._create_root()
            try:
                root = os.open(self.root, os.O_RDONLY | _DIRECTORY)
            except OSError:
                return None
            try:
                if create:
                    with contextlib.suppress(FileExistsError):
                        os.mkdir(self.directory.name, 0o700, dir_fd=root)
                self._version_fd = os.open(
                    self.directory.name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=root
                )
            except OSError:
                return None
            finally:
                os.close(root)
        return self._version_fd

    def _create_root(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.root, os.O_RDONLY | _DIRECTORY)
        except OSError:
            return
        try:
            marker = os.open(".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644, dir_fd=fd)
        except OSError:  # there already, or not writable: the cache still works
            pass
        else:
            with os.fdopen(marker, "w", encoding="utf-8") as handle:
                handle.write("# Created by noticelint.\n*\n")
        finally:
            os.close(fd)

    def _shard(self, key: str, create: bool) -> int | None:
        name = key[:2]
        if name in self._shards:
            return self._shards[name]
        version = self._version(create)
        if version is None:
            return None
        try:
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(name, 0o700, dir_fd=version)
            fd = os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=version)
        except OSError:
            return None
        self._shards[name] = fd
        return fd

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        for fd in [*self._shards.values(), *([self._version_fd] if self._version_fd is not None else [])]:
            os.close(fd)
        self._shards.clear()
        self._version_fd = None

    # Entries

    def verified(self, key: str) -> bytes | None:
        """The body of the entry ``key`` if this user's key signed it (not yet decoded), else ``None``."""
        if not _DIR_FD:
            return None
        shard = self._shard(key, create=False)
        if shard is None:
            return None
        try:
            fd = os.open(key, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=shard)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                return None
            if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
                return None  # another user's entry: not ours to believe
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            raw = b"".join(chunks)
        except OSError:
            return None
        finally:
            os.close(fd)
        head = len(MAGIC) + _MAC_HEX + 1
        if not raw.startswith(MAGIC) or raw[head - 1 : head] != b"\n":
            return None
        mac, body = raw[len(MAGIC) : head - 1], raw[head:]
        if not hmac.compare_digest(mac, self._mac(key, body)):
            return None
        return body

    def usable(self, key: str, path: Path, chains: ChainCheck) -> bool:
        """Whether ``key`` has an entry of ours whose chain of templates (if any) still holds."""
        body = self.verified(key)
        if body is None:
            return False
        head, _ = split_entry(body)
        return head is None or chains.holds(head, path) is not None

    def get(self, key: str, display: str, path: Path, chains: ChainCheck) -> list[Finding] | None:
        """The findings stored for ``key``, or ``None``: a miss for anything not exactly as we wrote it,
        and for a statement whose templates are no longer those it was checked with."""
        body = self.verified(key)
        if body is None:
            return None
        head, _ = split_entry(body)
        templates: frozenset[str] = frozenset()
        if head is not None:
            held = chains.holds(head, path)
            if held is None:
                return None
            templates = held
        return decode_entry(body, display, templates)

    def put(self, key: str, findings: list[Finding], basis: ChainBasis | None = None) -> None:
        if not _DIR_FD:
            return
        body = encode_entry(findings, basis)
        data = MAGIC + self._mac(key, body) + b"\n" + body
        shard = self._shard(key, create=True)
        if shard is None:
            return  # a cache that cannot be written only costs time
        temporary = f".{secrets.token_hex(8)}.tmp"
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=shard)
        except OSError:
            return
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
            os.replace(temporary, key, src_dir_fd=shard, dst_dir_fd=shard)
        except OSError:  # a full disk, a quota: no half entry stays behind
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=shard)


def _warn(message: str) -> None:
    print(f"noticelint: warning: {message}", file=sys.stderr)


def open_cache(given: Path | None, run_key: str) -> Cache | None:
    """The cache of this run, or ``None`` (with a warning) when no trustworthy key can be had.

    The default directory, ``.noticelint_cache`` in the working directory, is refused (CacheError) when
    it or its version folder is a symbolic link or lies outside the working directory: a committed link
    would make noticelint write elsewhere. A directory given with ``--cache-dir`` or
    ``NOTICELINT_CACHE_DIR`` is used as given.
    """
    from_environment = os.environ.get("NOTICELINT_CACHE_DIR", "")
    directory = given if given is not None else Path(from_environment or DEFAULT_DIRECTORY)
    if given is None and not from_environment:
        here = Path.cwd().resolve()
        for path in (directory, directory / f"v{CACHE_FORMAT}"):
            if path.is_symlink():
                raise CacheError(
                    f"{path} is a symbolic link (to {os.readlink(path)}); noticelint does not write through it. "
                    "Delete it, or give --cache-dir to choose a cache directory"
                )
        if directory.exists() and not directory.resolve().is_relative_to(here):
            raise CacheError(
                f"{directory} lies outside the working directory ({directory.resolve()}); "
                "give --cache-dir to use it"
            )
    try:
        secret = load_secret()
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        _warn(
            f"the cache is off: its key {key_path()} {why}"
            if isinstance(exc, ValueError)
            else f"the cache is off: cannot make its key {key_path()}: {why}"
        )
        return None
    return Cache(directory, run_key, secret)
