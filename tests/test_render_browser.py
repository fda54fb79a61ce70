"""The rendered notice in a real browser: headless Chromium (Debian's ``chromium``) loads it from a file.

Skipped when /usr/bin/chromium is absent; ``.ci/run`` installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from noticelint.cli import main
from noticelint.render import render_notice
from tests.browser import png
from tests.browser.cdp import CHROMIUM, Browser
from tests.browser.pages import statement_from_file
from tests.conftest import CLINIC, EXAMPLE

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium is not installed (/usr/bin/chromium; apt-get install chromium)",
)

LANGS = ("nb", "en")
_JUMP = """
(async () => {
  const a = document.querySelectorAll('.summary a[href^="#"]')[%d];
  const target = document.getElementById(a.getAttribute('href').slice(1));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const top = target.getBoundingClientRect().top;
  const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  return {hash: location.hash, href: a.getAttribute('href'), top: top, bottom: bottom, scrolled: window.scrollY};
})()
"""
_AIM = """
(() => {
  window.scrollTo(0, 0);
  const a = document.querySelectorAll('.summary a[href^="#"]')[%d];
  a.scrollIntoView({block: 'center'});
  const r = a.getBoundingClientRect();
  return {x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, y0: window.scrollY};
})()
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("notice")
    statement = statement_from_file(EXAMPLE)
    found = {}
    for lang in LANGS:
        path = out / f"notice.{lang}.html"
        path.write_text(render_notice(statement, lang), encoding="utf-8")
        found[lang] = path
    draft = out / "clinic.nb.html"
    assert main(["render", str(CLINIC), "--draft", "-o", str(draft)]) == 0
    found["draft"] = draft
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_loads_without_errors_and_is_not_blank(
    browser: Browser, pages: dict[str, Path], lang: str
) -> None:
    browser.viewport(1000, 800)
    browser.open(pages[lang])
    assert browser.evaluate("document.documentElement.lang") == lang
    image = png.decode(browser.screenshot())
    assert (image.width, image.height) == (1000, 800)
    grey = image.luminance()
    mean = sum(grey) / len(grey)
    variance = sum((g - mean) ** 2 for g in grey) / len(grey)
    dark = sum(1 for g in grey if g < 128) / len(grey)
    assert variance > 300, f"the screenshot looks blank (variance {variance:.0f})"
    assert 0.01 < dark < 0.5, f"{dark:.1%} dark pixels: not a page of text"
    assert browser.problems() == []


@pytest.mark.parametrize("lang", LANGS)
def test_first_layer_links_jump_to_their_sections(
    browser: Browser, pages: dict[str, Path], lang: str
) -> None:
    browser.viewport(1000, 800)
    browser.open(pages[lang])
    count = browser.evaluate("document.querySelectorAll('.summary a[href^=\"#\"]').length")
    assert count >= 8
    for index in range(count):
        aim = browser.evaluate(_AIM % index)
        browser.click(aim["x"], aim["y"])
        landed = browser.evaluate(_JUMP % index)
        assert landed["hash"] == landed["href"], landed
        assert landed["scrolled"] > aim["y0"], f"clicking {landed['href']} did not scroll"
        assert -2 <= landed["top"] <= 40 or landed["bottom"], landed
    assert browser.problems() == []


@pytest.mark.parametrize("lang", LANGS)
def test_readable_on_a_phone(browser: Browser, pages: dict[str, Path], lang: str) -> None:
    browser.viewport(390, 844, mobile=True, scale=2)
    browser.open(pages[lang])
    width = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways on a phone: {width}"
    smallest = browser.evaluate(
        "Math.min(...Array.from(document.querySelectorAll('p, td, dd, li')).map("
        "e => parseFloat(getComputedStyle(e).fontSize)))"
    )
    assert smallest >= 14
    head = browser.evaluate("getComputedStyle(document.querySelector('thead')).position")
    assert head == "absolute", "tables are stacked into cards on a narrow screen"
    browser.viewport(1000, 800)


def test_print_styles_apply(browser: Browser, pages: dict[str, Path]) -> None:
    browser.viewport(1000, 800)
    browser.open(pages["nb"])
    browser.call("Emulation.setEmulatedMedia", session=True, media="print")
    try:
        background = browser.evaluate("getComputedStyle(document.querySelector('.summary')).backgroundColor")
        after = browser.evaluate(
            "getComputedStyle(document.querySelector('a[href^=\"http\"]'), '::after').content"
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    assert "http" in after or "attr" in after


def test_the_draft_banner_is_visible_on_top(browser: Browser, pages: dict[str, Path]) -> None:
    browser.viewport(1000, 800)
    browser.open(pages["draft"])
    box = browser.evaluate(
        "(() => { const b = document.querySelector('.draft'); const r = b.getBoundingClientRect();"
        " return {top: r.top, height: r.height, bg: getComputedStyle(b).backgroundColor,"
        " items: b.querySelectorAll('li').length}; })()"
    )
    assert 0 <= box["top"] < 100 and box["height"] > 50
    assert box["bg"] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    assert box["items"] > 0
    assert browser.problems() == []
