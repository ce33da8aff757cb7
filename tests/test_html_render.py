"""The HTML report in a real headless Chromium: it renders, and hostile article text stays text.

Skipped when no Chromium is installed, unless the CI variable is set (CI installs it, so its
absence there is a failure, not a skip).
"""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import report_samples as samples
from cdp import chromium_for_tests, run_headless
from crosscheck.report.html import render_html

WIDTH, HEIGHT = 1200, 1600


@pytest.fixture(scope="module")
def browser() -> str:
    return chromium_for_tests()


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return run_headless(browser, profile, *args)


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "report.html"
    page.write_text(render_html(samples.report(), samples.texts()), encoding="utf-8")
    return page


def test_scripts_would_run_in_this_setup(browser, tmp_path):
    """Control: an unescaped script DOES change the title, so the check below can fail."""
    page = tmp_path / "control.html"
    page.write_text(
        "<html><head><title>clean</title></head><body>"
        f"{samples.HOSTILE_SCRIPT}</body></html>",
        encoding="utf-8",
    )
    dom = _chromium(browser, tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    assert "<title>PWNED</title>" in dom and 'data-pwned="1"' in dom


def test_report_renders_and_hostile_text_does_not_execute(browser, tmp_path):
    page = _page(tmp_path)
    result = _chromium(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    # the conflict section was parsed into the DOM: two conflicts, each with its chart
    section = dom.split('<section id="conflicts"', 1)[1].split("</section>", 1)[0]
    assert section.count('<article class="cluster conflict"') == 2
    assert section.count("<svg") == 4 and section.count("<mark>") == 4  # interval chart + timeline each
    # the hostile script and onerror handler neither ran nor became elements
    assert "<title>تقرير crosscheck: الأرقام المتعارضة في الأخبار</title>" in dom
    assert "PWNED</title>" not in dom and "data-pwned=" not in dom
    assert dom.count("<script") == 1 and "<img" not in dom  # only the page's own script
    assert "&lt;script&gt;document.title='PWNED'" in dom  # shown as text instead
    # the page's script ran (the CSP hash admits it): the controls are shown and counted
    assert '<form id="controls" class="controls" role="search"' in dom  # no longer hidden
    assert '<html dir="rtl" lang="ar" class="js">' in dom


def _png_size_and_colours(data: bytes) -> tuple[int, int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, len(set(raw[: 4 * width * 400]))  # byte variety in the top rows


def test_screenshot_is_a_png_of_the_window_size(browser, tmp_path):
    page = _page(tmp_path)
    shot = tmp_path / "shot.png"
    result = _chromium(browser, tmp_path / "profile", f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    width, height, variety = _png_size_and_colours(shot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    assert variety > 20  # text, chart and colours, not a blank page
