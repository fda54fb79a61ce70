"""The site-file scanner on fixture sites: what each page and script loads, at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticelint.format.evidence import Phase
from noticelint.scan.site import SiteError, scan_site

HERE = Path(__file__).parent
BAKERI = HERE / "site-bakeri"


def _lines(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_tags_links_and_snippets_are_found_at_their_lines() -> None:
    evidence = scan_site(BAKERI)
    index = (BAKERI / "index.html").read_text(encoding="utf-8")
    found = {(r.service.name if r.service else None, r.kind, r.origin.where) for r in evidence.requests}
    where = f"{BAKERI}/index.html"
    assert ("Google Fonts", "link preconnect", f"{where}:{_lines(index, 'preconnect')}") in found
    assert ("Google Fonts", "link stylesheet", f"{where}:{_lines(index, 'css2?family')}") in found
    assert ("Font Awesome", "script", f"{where}:{_lines(index, 'kit.fontawesome')}") in found
    # gtag.js with a G- id is Google Analytics; the config call names the same property.
    assert ("Google Analytics", "script", f"{where}:{_lines(index, 'gtag/js')}") in found
    assert ("Google Analytics", "snippet", f"{where}:{_lines(index, 'config')}") in found
    assert ("Meta Pixel", "inline script", f"{where}:{_lines(index, 'fbevents.js')}") in found
    assert ("Meta Pixel", "snippet", f"{where}:{_lines(index, 'init')}") in found
    assert ("Meta Pixel", "noscript img", f"{where}:{_lines(index, '<noscript>')}") in found
    assert ("YouTube embeds", "iframe", f"{BAKERI}/om/index.html:8") in found
    # Relative URLs are the site's own and are not recorded.
    assert not [r for r in evidence.requests if "site.css" in r.url or "site.js" in r.url]
    assert evidence.pages == [f"{where}", f"{BAKERI}/om/index.html"]
    assert evidence.phases == [Phase.UNKNOWN]


def test_storage_keys_in_scripts() -> None:
    evidence = scan_site(BAKERI)
    assert [(s.key, s.area, s.origin.where) for s in evidence.storage] == [
        ("theme", "local", f"{BAKERI}/js/site.js:3")
    ]


def test_a_gated_script_is_marked(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<script type="text/plain" data-category="analytics" '
        'src="https://www.googletagmanager.com/gtag/js?id=G-X1"></script>\n',
        encoding="utf-8",
    )
    (request,) = scan_site(tmp_path).requests
    assert request.detail == "waits for consent (type=text/plain)"


def test_broken_markup_and_templates_are_read(tmp_path: Path) -> None:
    (tmp_path / "layout.njk").write_text(
        "{% block head %}\n<div><p>unclosed\n<script src='https://static.hotjar.com/c/hotjar-1.js?sv=6'>\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    (request,) = scan_site(tmp_path).requests
    assert request.service is not None and request.service.name == "Hotjar"
    assert request.origin.where.endswith("layout.njk:3")


def test_binary_file_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "ok.html").write_text("<p>ok</p>", encoding="utf-8")
    (tmp_path / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    with pytest.raises(SiteError, match=r"logo\.html:1: a binary file"):
        scan_site(tmp_path)


def test_not_utf8_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "side.html").write_bytes(b"<p>linje 1</p>\n<p>bl\xe5b\xe6r</p>\n")
    with pytest.raises(SiteError, match=r"side\.html:2: not UTF-8 text"):
        scan_site(tmp_path)


def test_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    (tmp_path / "bundle.js").write_bytes(b"//" + b"x" * (2 * 1024 * 1024))
    with pytest.raises(SiteError, match=r"bundle\.js: 2\.0 MB, over the limit of 1 MB"):
        scan_site(tmp_path, max_file_size=1024 * 1024)


def test_images_node_modules_and_links_out_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\0binary")
    (tmp_path / "node_modules" / "lib").mkdir(parents=True)
    (tmp_path / "node_modules" / "lib" / "index.js").write_text(
        "'https://connect.facebook.net/x.js'", "utf-8"
    )
    outside = tmp_path.parent / f"{tmp_path.name}-outside.html"
    outside.write_text("<script src='https://connect.facebook.net/en_US/fbevents.js'></script>", "utf-8")
    (tmp_path / "linked.html").symlink_to(outside)
    assert scan_site(tmp_path).requests == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="no such folder"):
        scan_site(tmp_path / "public")
