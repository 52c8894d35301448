"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, for tests and demos.

Real HTTP (``http.server``, HTTP/1.1 keep-alive), no model: a *script*
decides each reply. In a test::

    from grpo_rewards_judge.testing import JudgeServer, Scripted

    with JudgeServer(lambda request: Scripted("Looks right.\\nVERDICT: CORRECT")) as server:
        ...  # point the judge at server.url; server.requests holds what it received

The default script, :func:`rule_judge`, is a deterministic stand-in for a
judge: it reads the request's marked blocks and answers in the reply format the
system message asks for (``correctness``: the reference appears in the
candidate's last line; ``rubric``: the share of the rubric's words the
candidate uses; ``ranking``: by that share). It is not a judge of anything.

From a shell (``make demo`` does this), start it, run one command with
``{url}`` replaced by its address, stop it and exit with the command's status::

    python -m grpo_rewards_judge.testing -- grpo-rewards check rows.jsonl -r judge -o judge.base_url={url}
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["ChatRequest", "JudgeServer", "Scripted", "blocks", "rule_judge"]

_NONCE = re.compile(r"<<<NAME ([0-9a-f]{12})>>>")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class ChatRequest:
    """One chat-completions request as the server received it."""

    body: dict[str, Any]
    attempt: int  # 1 for the first time this exact body arrived, 2 for its first retry, ...
    received_at: float
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def system(self) -> str:
        return next((m.get("content", "") for m in self.body.get("messages", []) if m.get("role") == "system"), "")

    @property
    def user(self) -> str:
        return next((m.get("content", "") for m in self.body.get("messages", []) if m.get("role") == "user"), "")


@dataclass
class Scripted:
    """What the server does with one request: reply ``content`` (or a raw ``body``) with ``status`` after ``delay``."""

    content: str = ""
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    finish_reason: str = "stop"


Script = Callable[[ChatRequest], Scripted]


def blocks(request: ChatRequest) -> dict[str, str]:
    """The marked blocks of a request's user message by name (``PROMPT``, ``CANDIDATE K7Q``, ...)."""
    found = _NONCE.search(request.system)
    if found is None:
        return {}
    nonce = re.escape(found.group(1))
    pattern = re.compile(rf"<<<([A-Z]+(?: [A-Z0-9]+)?) {nonce}>>>\n(.*?)\n<<<END \1 {nonce}>>>", re.DOTALL)
    return {match.group(1): match.group(2) for match in pattern.finditer(request.user)}


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3}


def _overlap(rubric: str, text: str) -> float:
    wanted = _words(rubric)
    return len(wanted & _words(text)) / len(wanted) if wanted else 0.0


def _final_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].lower() if lines else ""


def rule_judge(request: ChatRequest) -> Scripted:
    """A deterministic stand-in judge that answers in the requested format (see the module docstring)."""
    found = blocks(request)
    if "RANKING:" in request.system:
        candidates = {name.split()[1]: text for name, text in found.items() if name.startswith("CANDIDATE ")}
        rubric = found.get("RUBRIC", "") + " " + found.get("PROMPT", "")
        order = sorted(candidates, key=lambda label: (-_overlap(rubric, candidates[label]), len(candidates[label]), label))
        return Scripted("Ranked by how much of the criteria each candidate covers.\nRANKING: " + " > ".join(order))
    candidate = found.get("CANDIDATE", "")
    if "SCORE:" in request.system:
        score = round(10 * _overlap(found.get("RUBRIC", ""), candidate))
        return Scripted(f"The response covers {score} tenths of the rubric's terms.\nSCORE: {score}")
    reference = " ".join(_WORD.findall(found.get("REFERENCE", "").lower()))
    final = " ".join(_WORD.findall(_final_line(candidate)))
    correct = bool(reference) and re.search(rf"\b{re.escape(reference)}\b", final) is not None
    said = "states" if correct else "does not state"
    return Scripted(f"The final line {said} the reference.\nVERDICT: {'CORRECT' if correct else 'INCORRECT'}")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        return

    def _send(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path.rstrip("/") != "/v1/models":
            return self._send(404, json.dumps({"error": {"message": f"no route {self.path}"}}))
        self._send(200, json.dumps({"object": "list", "data": [{"id": self.server.owner.model, "object": "model"}]}))

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path.rstrip("/") != "/v1/chat/completions":
            return self._send(404, json.dumps({"error": {"message": f"no route {self.path}"}}))
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        owner = self.server.owner
        request = owner._record(body, {k.lower(): v for k, v in self.headers.items()})
        try:
            scripted = owner.script(request)
            if scripted.delay:
                time.sleep(scripted.delay)
            self._send(
                scripted.status,
                scripted.body if scripted.body is not None else owner._completion(request, scripted),
                scripted.headers,
            )
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            owner._served()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: JudgeServer


class JudgeServer:
    """The scripted server. ``requests`` lists what arrived; ``max_in_flight`` the most handled at once."""

    def __init__(
        self, script: Script = rule_judge, *, model: str = "scripted-judge", port: int = 0, announce: bool = False
    ) -> None:
        self.script = script
        self.model = model
        self.announce = announce
        self.requests: list[ChatRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Condition()
        self._seen: dict[str, int] = {}
        self._http = _Server(("127.0.0.1", port), _Handler)
        self._http.owner = self
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.05,), name="judge-server", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/v1"

    def start(self) -> JudgeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()

    def __enter__(self) -> JudgeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def served(self) -> int:
        """Requests answered so far."""
        with self._lock:
            return len(self.requests) - self.in_flight

    def wait_in_flight(self, count: int, timeout: float, of_total: int | None = None) -> bool:
        """From a script: wait until ``count`` requests are handled at once, or all but those in flight of
        ``of_total`` are answered, or ``timeout`` passes."""

        def ready() -> bool:
            done = len(self.requests) - self.in_flight
            return self.in_flight >= count or (of_total is not None and done + self.in_flight >= of_total)

        with self._lock:
            return self._lock.wait_for(ready, timeout)

    def _record(self, body: dict[str, Any], headers: dict[str, str]) -> ChatRequest:
        key = json.dumps(body.get("messages"), sort_keys=True)
        with self._lock:
            self._seen[key] = self._seen.get(key, 0) + 1
            request = ChatRequest(body, self._seen[key], time.monotonic(), headers)
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self._lock.notify_all()
        return request

    def _served(self) -> None:
        with self._lock:
            self.in_flight -= 1
            served = len(self.requests) - self.in_flight
            self._lock.notify_all()
        if self.announce:
            print(f"served {served}", flush=True)

    def _completion(self, request: ChatRequest, scripted: Scripted) -> str:
        prompt_chars = sum(len(str(m.get("content", ""))) for m in request.body.get("messages", []))
        return json.dumps(
            {
                "id": f"chatcmpl-{len(self.requests)}",
                "object": "chat.completion",
                "model": request.body.get("model", self.model),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": scripted.content},
                        "finish_reason": scripted.finish_reason,
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_chars // 4,
                    "completion_tokens": len(scripted.content) // 4,
                    "total_tokens": prompt_chars // 4 + len(scripted.content) // 4,
                },
            }
        )


def _slow(delay: float) -> Script:
    return lambda request: Scripted(**{**rule_judge(request).__dict__, "delay": delay})


def main(argv: list[str] | None = None) -> int:
    """Serve :func:`rule_judge`; with a command after ``--``, run it against the server and return its status."""
    parser = argparse.ArgumentParser(prog="python -m grpo_rewards_judge.testing", description=main.__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each reply")
    parser.add_argument("--announce", action="store_true", help="print 'served N' after each reply")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND ARGS... ({url} is replaced)")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    server = JudgeServer(_slow(args.delay) if args.delay else rule_judge, port=args.port, announce=args.announce)
    with server:
        print(f"scripted judge listening on {server.url}", flush=True)
        if not command:
            threading.Event().wait()
        return subprocess.call([part.replace("{url}", server.url) for part in command])


if __name__ == "__main__":
    sys.exit(main())
