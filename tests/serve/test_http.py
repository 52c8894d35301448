"""``grpo-rewards serve`` over real HTTP on 127.0.0.1: the verdicts of ``check``, refusals that name the field, limits."""

from __future__ import annotations

import concurrent.futures
import json
import time
from pathlib import Path

import httpx
import pytest

from grpo_rewards.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
MATH_ROWS = [json.loads(line) for line in (ROOT / "examples" / "math.jsonl").read_text().splitlines() if line.strip()]


def _without_seconds(records):
    for record in records:
        for verdict in record["rewards"].values():
            verdict.pop("seconds")
    return records


@pytest.fixture(scope="module")
def math_service(module_service):
    return module_service("--reward", "math", "--reward", "format:0.2", "--option", "math.mode=lenient")


@pytest.fixture(scope="module")
def echo_service(module_service):
    return module_service("--reward", "echo", "--reward", "misbehave", "--option", "misbehave.timeout=1")


def post(service, body, **kwargs):
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body)
    return httpx.post(f"{service.url}/score", content=body, timeout=120, **kwargs)


def test_a_batch_gets_exactly_the_verdicts_check_writes(math_service, tmp_path):
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in MATH_ROWS))
    out = tmp_path / "out.jsonl"
    with pytest.raises(SystemExit):
        cli_main(
            ["check", str(data), "--reward", "math", "--reward", "format:0.2", "-o", "math.mode=lenient", "--output", str(out)]
        )
    expected = [json.loads(line) for line in out.read_text().splitlines()]
    response = post(math_service, {"rows": MATH_ROWS})
    assert response.status_code == 200
    body = response.json()
    assert body["rewards"] == ["math", "format"] and body["bad_rows"] == 0
    assert _without_seconds(body["results"]) == _without_seconds(expected)
    kinds = {r["rewards"]["math"]["verdict"] for r in body["results"]}
    assert {"correct", "incorrect"} <= kinds  # the sample file has both, so the comparison means something


def _grouped(rows):
    """The rows regrouped the way vLLM and TRL dumps hold them: one row per prompt, ``completions: [...]``."""
    groups: dict[str, dict] = {}
    for row in rows:
        group = groups.setdefault(row["prompt"], {k: v for k, v in row.items() if k != "completion"} | {"completions": []})
        group["completions"].append(row["completion"])
    return list(groups.values())


def test_a_row_with_a_list_of_completions_gets_what_check_writes_for_it(math_service, tmp_path):
    rows = [*_grouped(MATH_ROWS), {"prompt": "p", "completions": [], "answer": "1"}, {"completions": ["\\boxed{1}", 7]}]
    rows.append({"prompt": "1+1?", "completion": "\\boxed{2}", "answer": "2"})  # one completion, beside the groups
    data = tmp_path / "grouped.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "out.jsonl"
    with pytest.raises(SystemExit):
        cli_main(
            ["check", str(data), "--reward", "math", "--reward", "format:0.2", "-o", "math.mode=lenient", "--output", str(out)]
        )
    expected = [json.loads(line.replace(str(data), "request")) for line in out.read_text().splitlines()]
    body = post(math_service, {"rows": rows}).json()
    assert _without_seconds(body["results"]) == _without_seconds(expected)
    assert body["bad_rows"] == 2 and len(body["results"]) == len(MATH_ROWS) + 3
    first = [r for r in body["results"] if r["line"] == 1]
    assert [r["completion_index"] for r in first] == list(range(len(first))) and len(first) > 1
    errors = [r for r in body["results"] if "error" in r]
    assert [(e["line"], e["field"]) for e in errors] == [(len(rows) - 2, "completions"), (len(rows) - 1, "completions")]
    assert "empty list" in errors[0]["error"] and "item 1" in errors[1]["error"]
    assert "completion_index" not in body["results"][-1]
    kinds = {r["rewards"]["math"]["verdict"] for r in body["results"] if "error" not in r}
    assert {"correct", "incorrect"} <= kinds


def test_any_string_a_completion_holds_comes_back_as_sent(echo_service):
    hostile = "\ud800 lone surrogate, \x1b[2J escape, \u202e bidi, \x00 nul"
    response = post(echo_service, {"rows": [{"completion": hostile, "answer": hostile}], "rewards": ["echo"]})
    assert response.status_code == 200
    verdict = response.json()["results"][0]["rewards"]["echo"]
    assert verdict["verdict"] == "correct" and verdict["details"]["answer"] == hostile


def test_the_client_numbers_results_by_row_and_reward_functions_get_one_result_per_row(echo_service):
    from grpo_rewards.remote import ServiceClient

    client = ServiceClient(echo_service.url, max_rows=2)  # two requests; the second's lines go on from the first's
    rows = [
        {"completion": "a", "answer": "a"},
        {"completions": ["a", "b"], "answer": "b"},
        {"completion": "c", "answer": "x"},
        {"completion": ["x", "y"], "answer": "x"},
    ]
    results = client.score(rows, ["echo"])
    assert [(r["line"], r.get("completion_index")) for r in results] == [(1, None), (2, 0), (2, 1), (3, None), (4, 0), (4, 1)]
    assert [r["rewards"]["echo"]["verdict"] for r in results] == [
        "correct",
        "incorrect",
        "correct",
        "incorrect",
        "correct",
        "incorrect",
    ]
    each = client.score_each(rows, ["echo"])
    assert [(r["line"], r.get("field")) for r in each] == [(1, None), (2, "completion"), (3, None), (4, "completion")]
    assert "list of completions" in each[3]["error"] and each[2]["rewards"]["echo"]["verdict"] == "incorrect"


def test_rewards_and_health_describe_the_service(math_service):
    rewards = httpx.get(f"{math_service.url}/rewards").json()["rewards"]
    assert [(r["name"], r["weight"], r["plugin"]) for r in rewards] == [
        ("math", 1.0, "math"),
        ("format", 0.2, "grpo_rewards.builtin.format"),
    ]
    assert rewards[0]["options"]["mode"] == "lenient" and "answer" in rewards[0]["required_columns"]
    health = httpx.get(f"{math_service.url}/health").json()
    assert health["status"] == "ok" and health["pid"] == math_service.pid
    assert health["preflight"]["math"]["ok"] and health["pool"]["workers"] == 2 and len(health["pool"]["pids"]) == 2


def test_a_request_can_pick_some_of_the_served_rewards(math_service):
    row = {"prompt": "1+1?", "completion": "\\boxed{2}", "answer": "2"}
    body = post(math_service, {"rows": [row], "rewards": ["math"]}).json()
    assert body["rewards"] == ["math"] and list(body["results"][0]["rewards"]) == ["math"]
    assert body["results"][0]["rewards"]["math"]["verdict"] == "correct"


@pytest.mark.parametrize(
    ("body", "status", "field", "says"),
    [
        (b"{not json", 400, "body", "invalid JSON"),
        (b"\xff\xfe", 400, "body", "UTF-8"),
        ([1, 2], 422, "body", "JSON object"),
        ({"row": []}, 422, "row", "unknown field"),
        ({}, 422, "rows", "missing"),
        ({"rows": {"completion": "x"}}, 422, "rows", "must be a list"),
        ({"rows": [], "rewards": "math"}, 422, "rewards", "list of reward names"),
        ({"rows": [], "rewards": ["math", 3]}, 422, "rewards[1]", "string"),
        ({"rows": [], "rewards": ["math", "math"]}, 422, "rewards[1]", "twice"),
        ({"rows": [], "rewards": ["format", "code"]}, 422, "rewards[1]", "not served here (served: math, format)"),
    ],
)
def test_a_malformed_request_is_refused_naming_the_field(math_service, body, status, field, says):
    response = post(math_service, body)
    assert response.status_code == status
    assert response.json()["field"] == field and says in response.json()["error"]


def test_a_malformed_row_is_named_and_the_other_rows_are_scored_as_without_it(math_service):
    good = MATH_ROWS[:4]
    bad = [{"prompt": "no completion"}, {"completion": 42}, "not an object", {"completion": "x", "prompt": 7}]
    mixed = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3], bad[3]]
    alone = post(math_service, {"rows": good}).json()["results"]
    together = post(math_service, {"rows": mixed}).json()
    assert together["bad_rows"] == 4
    results = together["results"]
    assert [r["line"] for r in results] == list(range(1, 9))
    assert _without_seconds([results[i] for i in (0, 2, 4, 6)]) == [
        {**r, "line": line} for r, line in zip(_without_seconds(alone), (1, 3, 5, 7), strict=True)
    ]
    errors = [results[i] for i in (1, 3, 5, 7)]
    assert [e["field"] for e in errors] == ["completion", "completion", None, "prompt"]
    assert all(e["rewards"] == {} and e["error"].startswith(f"request:{e['line']}:") for e in errors)


def test_limits_refuse_what_is_too_big_and_give_an_overlong_completion_the_lowest_score(module_service):
    service = module_service(
        "--reward",
        "format",
        "--reward",
        "repetition",
        "--max-rows",
        "3",
        "--max-body-mb",
        "0.01",
        "--max-completion-chars",
        "200",
    )
    rows = post(service, {"rows": [{"completion": "x"}] * 4})
    assert rows.status_code == 413 and rows.json()["field"] == "rows" and "limit of 3" in rows.json()["error"]
    grouped = post(service, {"rows": [{"completion": "x"}, {"completions": ["a", "b", "c"]}]})
    assert grouped.status_code == 413 and grouped.json()["field"] == "rows" and "4 completions" in grouped.json()["error"]
    body = post(service, {"rows": [{"completion": "y" * 20_000}]})
    assert body.status_code == 413 and body.json()["field"] == "body"
    fine = "<think>" + "reasoning about it " * 3 + "</think> the answer"
    hostile = "<think>" + "ok " * 10 + "</think>" + "the answer " * 100
    results = post(service, {"rows": [{"completion": fine}, {"completion": hostile}]}).json()["results"]
    assert results[0]["rewards"]["format"]["verdict"] == "correct"
    over = results[1]["rewards"]
    assert over["format"]["verdict"] == "incorrect" and over["format"]["score"] == 0.0
    assert over["repetition"]["verdict"] == "incorrect" and over["repetition"]["score"] < 0  # its lowest, not a neutral 0
    assert "completion_too_long" in over["format"]["reason"] and over["format"]["details"]["limit"] == 200


def test_a_slow_sample_times_out_and_the_rest_of_the_batch_is_scored(echo_service):
    rows = [{"completion": c, "answer": "a"} for c in ("a", "sleep", "b", "a")]
    results = post(echo_service, {"rows": rows}).json()["results"]
    misbehave = [r["rewards"]["misbehave"] for r in results]
    assert [v["verdict"] for v in misbehave] == ["correct", "unverifiable", "correct", "correct"]
    assert misbehave[1]["reason"] == "timeout" and misbehave[1]["score"] is None
    assert [r["rewards"]["echo"]["verdict"] for r in results] == ["correct", "incorrect", "incorrect", "correct"]
    assert httpx.get(f"{echo_service.url}/health").json()["status"] == "ok"


def test_concurrent_clients_each_get_their_own_rows_verdicts(echo_service):
    def one_client(k: int):
        rows = [{"completion": f"c{k}-{i}", "answer": f"c{k}-{i}" if i % 2 else "other"} for i in range(20)]
        body = post(echo_service, {"rows": rows, "rewards": ["echo"]}, headers={"x-grpo-rewards-client": f"client {k}"}).json()
        return [(r["rewards"]["echo"]["verdict"], r["rewards"]["echo"]["details"]["answer"]) for r in body["results"]]

    with concurrent.futures.ThreadPoolExecutor(6) as threads:
        answers = list(threads.map(one_client, range(6)))
    for k, got in enumerate(answers):
        assert got == [("correct" if i % 2 else "incorrect", f"c{k}-{i}") for i in range(20)]
    clients = httpx.get(f"{echo_service.url}/health").json()["clients"]
    assert {f"client {k}" for k in range(6)} <= set(clients)


def test_a_full_service_answers_503_and_a_client_that_retries_gets_through(start_service):
    service = start_service("--reward", "sleepy", "--max-concurrent", "1", "--max-queue", "0")
    with concurrent.futures.ThreadPoolExecutor(1) as threads:
        slow = threads.submit(post, service, {"rows": [{"completion": "3"}]})
        while httpx.get(f"{service.url}/health").json()["in_flight"] == 0:
            time.sleep(0.02)
        busy = post(service, {"rows": [{"completion": "0"}]})
        assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
        assert "busy" in busy.json()["error"]
        from grpo_rewards.remote import ServiceClient

        results = ServiceClient(service.url, deadline=60).score([{"completion": "0"}])
        assert results[0]["rewards"]["sleepy"]["verdict"] == "correct"
        assert slow.result().json()["results"][0]["rewards"]["sleepy"]["verdict"] == "correct"
