"""Take the pictures of the notice shown in docs/: ``.venv/bin/python -m tests.browser.screenshots``.

docs/notice-nb.png is the Norwegian page at a desktop width, docs/notice-en.png the English page on a
phone-sized screen. Both are rendered from policy/eksempel-dyreklinikk.yaml.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from noticelint.render import render_notice
from tests.browser.cdp import Browser
from tests.browser.pages import statement_from_file

REPO = Path(__file__).resolve().parents[2]
SHOTS = (
    # language, width, height, phone, device pixel ratio
    ("nb", 1100, 1500, False, 1.0),
    ("en", 390, 844, True, 2.0),
)


def main() -> None:
    statement = statement_from_file(REPO / "policy" / "eksempel-dyreklinikk.yaml")
    with tempfile.TemporaryDirectory() as scratch, Browser() as browser:
        for lang, width, height, phone, scale in SHOTS:
            page = Path(scratch) / f"notice.{lang}.html"
            page.write_text(render_notice(statement, lang), encoding="utf-8")
            browser.viewport(width, height, mobile=phone, scale=scale)
            browser.open(page)
            target = REPO / "docs" / f"notice-{lang}.png"
            target.write_bytes(browser.screenshot())
            print(f"wrote {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
