"""`check --report`: the HTML page opened in headless Chromium (chromedriver + selenium), asserting on what renders.

Chromium runs headless with a fresh profile, no sandbox, no GPU, no background
networking, and opens only the file:// page. On CI these tests must run
(`make browser-ready` installs Debian's chromium and chromium-driver); elsewhere
they skip when the browser is missing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from grpo_rewards.cli import build_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
missing = [name for name, found in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not found]
try:
    import selenium  # noqa: F401
except ImportError:
    missing.append("selenium")
if missing and os.environ.get("CI"):
    raise RuntimeError(f"CI must run the report's browser tests, but {', '.join(missing)} is missing: run make browser-ready")
pytestmark = pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} (make browser-ready)")

HOSTILE = "<script>document.title='PWNED'; window.__pwned = 1</script><img src=x onerror=\"window.__pwned=2\">"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    rows = []
    for prompt, answers in (("2+2?", ["4", "4", "4", "4"]), ("3+3?", ["6", "5", "6", "7"]), ("5+5?", ["10"])):
        for answer in answers:
            gold = str(eval(prompt[:-1]))  # noqa: S307 - our own literal sums
            rows.append(
                {"prompt": prompt, "completion": f"<think>adding the two numbers</think> \\boxed{{{answer}}}", "answer": gold}
            )
    rows.append({"prompt": "3+3?", "completion": HOSTILE, "answer": "6"})
    rows.append({"prompt": "spaces", "completion": "<think>keep   these    spaces</think> \\boxed{1}", "answer": "1"})
    data = folder / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    page = folder / "out" / "report.html"  # a folder that does not exist yet
    result = CliRunner().invoke(build_cli(), ["check", str(data), "-r", "math", "-r", "format:0.5", "--report", str(page)])
    assert result.exit_code == 0, result.output
    assert f"file://{page.resolve()}" in " ".join(result.output.split())
    return page


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager look for a driver online
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def _open(browser, page: Path):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(page.resolve().as_uri())
    WebDriverWait(browser, 60).until(lambda d: len(d.find_elements("css selector", ".js-plotly-plot .main-svg")) >= 4)


def test_the_page_draws_every_plot_offline(report, browser):
    _open(browser, report)
    assert browser.title == "grpo-rewards check"
    drawn = browser.execute_script("return [...document.querySelectorAll('.js-plotly-plot')].map(e => e.id)")
    assert {"hist-0", "hist-1", "verdict-bars", "latency", "group-std", "correlations"} <= set(drawn)
    bars = browser.find_elements("css selector", "#verdict-bars .barlayer .point")
    assert len(bars) >= 3  # correct and incorrect for math, correct/incorrect for format
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(("file:", "data:", "blob:")) for url in loaded), loaded
    size = report.stat().st_size
    assert size < 12 * 1024 * 1024


def test_summary_zero_variance_groups_and_reasons_render(report, browser):
    _open(browser, report)
    summary = browser.find_element("css selector", "table.summary").text
    assert "math" in summary and "builtin.format" in summary and "total (weighted)" in summary
    assert "1 of 2 groups (50%) have zero variance" in browser.find_element("id", "frac-zero").text
    zero = browser.find_element("css selector", "table.zero-groups").text
    assert "1, 2, 3, 4" in zero and "2+2?" in zero
    reasons = browser.find_element("id", "verdicts").text
    assert "wrong_answer" in reasons and "well formed (strict)" in reasons


def test_drilldown_opens_a_row_and_shows_each_rewards_reason(report, browser):
    _open(browser, report)
    row = browser.find_element("css selector", "details.row[data-line='6']")
    assert not row.get_attribute("open")
    row.find_element("tag name", "summary").click()
    assert row.get_attribute("open")
    assert "wrong_answer" in row.find_element("css selector", "table.verdicts").text
    assert "\\boxed{5}" in row.find_element("css selector", "pre.completion").text
    spaces = browser.find_element("css selector", "details.row[data-line='11'] pre.completion")
    assert browser.execute_script("return arguments[0].textContent", spaces) == "<think>keep   these    spaces</think> \\boxed{1}"


def test_hostile_text_is_shown_as_text_and_never_runs(report, browser):
    _open(browser, report)
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.title == "grpo-rewards check"
    hostile = browser.find_element("css selector", "details.row[data-line='10'] pre.completion")
    assert browser.execute_script("return arguments[0].textContent", hostile) == HOSTILE
    assert not browser.find_elements("css selector", "pre.completion img, pre.completion script")


def test_the_filter_narrows_the_rows(report, browser):
    _open(browser, report)
    box = browser.find_element("id", "gr-q")
    box.send_keys("\\boxed{7}")
    visible = browser.execute_script(
        "return [...document.querySelectorAll('details.row')].filter(r => r.style.display !== 'none').map(r => r.dataset.line)"
    )
    assert visible == ["8"]
    assert browser.find_element("id", "gr-count").text == "1 shown"
