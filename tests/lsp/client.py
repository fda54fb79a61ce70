"""A minimal Language Server Protocol client over stdio, for the real YAML language server.

Requests wait for their response with a timeout; the server's own requests (workspace/configuration,
client/registerCapability) are answered so that it never waits on us. No sleeping: a reader thread puts
every message on a queue, and the test blocks on the queue.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SERVER = HERE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
INSTALL = "npm ci --prefix tests/lsp --no-audit --no-fund"
TIMEOUT = 30.0


def node() -> str | None:
    return shutil.which("node")


class LspError(RuntimeError):
    pass


class Client:
    def __init__(self, settings: dict[str, Any]) -> None:
        exe = node()
        assert exe is not None
        self.settings = settings
        self.process = subprocess.Popen(
            [exe, str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.pending: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def _answer(self, message: dict[str, Any]) -> None:
        """Answer a request from the server."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section", ""), None) for item in message["params"]["items"]]
        self._send({"id": message["id"], "result": result})

    def _next(self) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=TIMEOUT)
        except queue.Empty:
            raise LspError(f"the YAML language server did not answer within {TIMEOUT:.0f} s") from None
        if message is None:
            raise LspError("the YAML language server exited")
        if "method" in message and "id" in message:
            self._answer(message)
        return message

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        while True:
            message = self._next()
            if message.get("id") == ident and "method" not in message:
                if "error" in message:
                    raise LspError(f"{method}: {message['error']}")
                return message.get("result")
            if "method" in message and "id" not in message:
                self.pending.append(message)

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def notification(self, method: str, uri: str) -> dict[str, Any]:
        """The next notification ``method`` about ``uri`` (already received ones first)."""
        while True:
            for message in self.pending:
                if message["method"] == method and message["params"].get("uri") == uri:
                    self.pending.remove(message)
                    return message
            message = self._next()
            if "method" in message and "id" not in message:
                self.pending.append(message)

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=TIMEOUT)
        except (LspError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
