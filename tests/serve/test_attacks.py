"""Attacks on a real service over 127.0.0.1: what a policy's completions, and other clients on the host, can make of it.

Every attack must end in a verdict or a refusal that names the field, never in
free credit, a crash of training, or a service that stops answering others.
"""

from __future__ import annotations

import json
import signal
import socket
import time

import httpx
import pytest

from grpo_rewards import ServiceUnavailable
from grpo_rewards.integrations.rows import RowScorer
from grpo_rewards.remote import ServiceClient, reward_funcs

EMOJI = "\U0001f600"  # JSON writes it as two \\uXXXX escapes: 12 bytes for one character


@pytest.fixture(scope="module")
def small_service(module_service):
    """Echo behind limits a test can reach: 3 completions and 64 KiB a request."""
    return module_service("--reward", "echo", "--max-rows", "3", "--max-body-mb", "0.0625")


def _post(service, body: bytes) -> httpx.Response:
    return httpx.post(f"{service.url}/score", content=body, timeout=120)


def test_text_that_json_inflates_past_the_body_limit_is_scored_in_smaller_requests(small_service):
    # 8 completions of 1000 emoji: about 96 KiB as JSON, over the 64 KiB limit; each one alone fits.
    hostile = [EMOJI * 1000 + str(i) for i in range(8)]
    answers = [c if i % 2 else "other" for i, c in enumerate(hostile)]
    client = ServiceClient(small_service.url, max_rows=8)
    (func,), _ = reward_funcs(small_service.url, ["echo"], client=client)
    assert func(prompts=["p"] * 8, completions=hostile, answer=answers) == [0.0, 1.0] * 4
    assert func.failed_calls == 0


def test_a_row_that_alone_is_over_the_body_limit_is_named_and_the_others_are_scored(small_service):
    rows = [{"completion": "a", "answer": "a"}, {"completion": EMOJI * 6000, "answer": "x"}, {"completion": "b", "answer": "a"}]
    results = ServiceClient(small_service.url).score(rows, ["echo"])
    assert [r["line"] for r in results] == [1, 2, 3]
    assert results[0]["rewards"]["echo"]["verdict"] == "correct" and results[2]["rewards"]["echo"]["verdict"] == "incorrect"
    assert results[1]["field"] == "body" and results[1]["rewards"] == {}
    assert results[1]["error"].startswith("request:2:") and "--max-body-mb" in results[1]["error"]
    (func,), _ = reward_funcs(small_service.url, ["echo"])
    assert func(prompts=["p"] * 3, completions=[r["completion"] for r in rows], answer=[r["answer"] for r in rows]) == [
        1.0,
        None,
        0.0,
    ]
    assert dict(func.last_stats.unverifiable) == {"invalid_row": 1}
    # verl's adapter scores through the same client: the same verdicts, no exception in verl's reward loop
    verdicts = RowScorer(["echo"], service=small_service.url).score(rows)
    assert [v["echo"].kind for v in verdicts] == ["correct", "unverifiable", "incorrect"]


def test_a_client_sending_more_rows_than_the_service_takes_is_split_not_refused(small_service):
    rows = [{"completion": f"c{i}", "answer": f"c{i}" if i % 3 else "no"} for i in range(10)]
    results = ServiceClient(small_service.url, max_rows=10).score(rows, ["echo"])
    assert [r["line"] for r in results] == list(range(1, 11))
    assert [r["rewards"]["echo"]["score"] for r in results] == [0.0 if i % 3 == 0 else 1.0 for i in range(10)]
    grouped = ServiceClient(small_service.url).score([{"completions": ["a", "b", "c", "d"], "answer": "a"}], ["echo"])
    assert grouped[0]["field"] == "rows" and "--max-rows" in grouped[0]["error"]


def test_json_nested_too_deeply_is_refused_naming_the_body_and_the_service_goes_on(small_service):
    deep = b'{"rows": [{"completion": "x", "answer": ' + b"[" * 20_000 + b"]" * 20_000 + b"}]}"
    response = _post(small_service, deep)
    assert response.status_code == 400
    assert response.json()["field"] == "body" and "nested too deeply" in response.json()["error"]
    fine = _post(small_service, json.dumps({"rows": [{"completion": "a", "answer": "a"}]}).encode())
    assert fine.json()["results"][0]["rewards"]["echo"]["verdict"] == "correct"


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (b'{"completion": NaN, "answer": "a"}', "completion"),
        (b'{"completion": Infinity}', "completion"),
        (b'{"completion": null}', "completion"),
        (b'{"completion": {"content": "a"}}', "completion"),
        (b'{"completion": [{"role": "assistant"}]}', "completion"),
        (b'{"completion": true}', "completion"),
        (b"[]", None),
    ],
)
def test_a_row_of_the_wrong_types_is_an_error_naming_its_field_beside_scored_rows(small_service, row, field):
    body = b'{"rows": [{"completion": "a", "answer": "a"}, ' + row + b', {"completion": "b", "answer": "a"}]}'
    results = _post(small_service, body).json()["results"]
    assert [r["rewards"].get("echo", {}).get("verdict") for r in results] == ["correct", None, "incorrect"]
    assert results[1]["field"] == field and results[1]["error"].startswith("request:2:")


def test_clients_that_send_slowly_or_never_read_do_not_keep_others_waiting(small_service):
    host, port = small_service.url.removeprefix("http://").split(":")
    stalled = []
    try:
        for _ in range(200):  # headers sent, the body never finished
            sock = socket.create_connection((host, int(port)))
            sock.sendall(b'POST /score HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"rows"')
            stalled.append(sock)
        body = json.dumps({"rows": [{"completion": "z" * 20_000, "answer": "a"}] * 3}).encode()
        for _ in range(3):  # a whole request sent, the answer never read
            sock = socket.create_connection((host, int(port)))
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.sendall(b"POST /score HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            stalled.append(sock)
        results = ServiceClient(small_service.url, deadline=120).score([{"completion": "a", "answer": "a"}])
        assert results[0]["rewards"]["echo"]["verdict"] == "correct"
    finally:
        for sock in stalled:
            sock.close()


def test_a_graceful_timeout_of_zero_does_not_wait_for_a_batch_that_never_ends(start_service):
    service = start_service("--reward", "sleepy", "--option", "sleepy.timeout=3600", "--graceful-timeout", "0")
    client = ServiceClient(service.url)
    host, port = service.url.removeprefix("http://").rsplit(":", 1)
    stuck = socket.create_connection((host, int(port)))
    body = json.dumps({"rows": [{"completion": "3000"}]}).encode()
    stuck.sendall(b"POST /score HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    while client.health()["in_flight"] == 0:
        time.sleep(0.05)
    # Before: --graceful-timeout 0 meant "wait for ever", and SIGTERM left the service waiting on the batch for an hour.
    assert service.stop(signal.SIGTERM, timeout=120) in (0, -signal.SIGTERM)
    stuck.settimeout(30)
    assert b"200 OK" not in stuck.recv(65536)
    stuck.close()


def test_a_row_holding_millions_of_completions_is_refused_before_they_are_read():
    from grpo_rewards.serve import Limits
    from grpo_rewards.serve.envelope import RequestProblem, parse_score_request

    limits = Limits(max_rows=4)
    # 10 MB of JSON that the reader would make two million rows of (hundreds of MB) just to refuse them
    body = json.dumps({"rows": [{"completions": ["a"] * 2_000_000}]}).encode()
    with pytest.raises(RequestProblem) as refused:
        parse_score_request(body, limits)
    assert refused.value.status == 413 and refused.value.field == "rows" and "2000000 completions" in refused.value.message
    chats = [{"completion": [{"role": "assistant", "content": "a"}] * 9}] * 4  # one completion of 9 messages each
    assert len(parse_score_request(json.dumps({"rows": chats}).encode(), limits).rows) == 4
    grouped = {"rows": [{"completion": "a"}, {"completions": ["a", "b", "c"]}]}
    assert len(parse_score_request(json.dumps(grouped).encode(), limits).rows) == 2
    with pytest.raises(RequestProblem, match="5 completions"):
        parse_score_request(json.dumps({"rows": [*grouped["rows"], {"completion": ["x"]}]}).encode(), limits)


def test_another_program_on_the_services_port_is_an_outage_never_a_score():
    import http.server
    import threading

    class Impostor(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            self.rfile.read(int(self.headers.get("content-length") or 0))
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>not a verifier</html>")

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Impostor)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with pytest.raises(ServiceUnavailable, match="something other than a JSON object: is a grpo-rewards service"):
            ServiceClient(url).health()
        with pytest.raises(ServiceUnavailable, match="malformed body"):
            ServiceClient(url, retries=0).score([{"completion": "a"}])
    finally:
        server.shutdown()
