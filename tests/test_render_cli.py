"""``noticelint render``: the publish gate, drafts, ``--check``, output planning and atomic writes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from noticelint.cli import main
from tests.browser.pages import parse_html, text_of
from tests.clirun import cli
from tests.conftest import CLINIC, EXAMPLE, REPO, yaml_load


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    result = cli(capsys, *args)
    return result.code, result.out, result.err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of its own: the example statement under policy/, no configuration."""
    (tmp_path / "policy").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "policy" / "eksempel.yaml")
    shutil.copy(CLINIC, tmp_path / "policy" / "clinic.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if " [error] " in line]


def test_the_clinic_is_refused_with_its_findings(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, check_out, _ = _run(["check", "policy/clinic.yaml"], capsys)
    assert code == 1
    expected = _error_lines(check_out)
    assert expected, "the clinic's statement has error findings"
    code, out, err = _run(["render", "policy/clinic.yaml", "-o", "out/clinic.html"], capsys)
    assert code == 1
    assert out == ""
    assert _error_lines(err) == expected, "findings are printed as check prints them"
    assert "refused" in err and "--draft" in err
    assert not (site / "out" / "clinic.html").exists()


def test_a_draft_of_the_clinic_has_the_banner(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, check_out, _ = _run(["check", "policy/clinic.yaml"], capsys)
    errors = _error_lines(check_out)
    code, _, err = _run(["render", "policy/clinic.yaml", "--draft", "-o", "out/clinic.html"], capsys)
    assert code == 0, err
    root = parse_html((site / "out" / "clinic.html").read_text(encoding="utf-8"))
    banner = next(e for e in root.iter("div") if e.get("class") == "draft")
    items = [text_of(li) for li in banner.iter("li")]
    assert len(items) == len(errors)
    for line in errors:
        path, row, _, rest = line.split(":", 3)
        code_, message = re.match(r" (\S+) \[error\] (.*)", rest).groups()  # type: ignore[union-attr]
        assert any(
            item.startswith(f"{path}:{row}: {code_}") and " ".join(message.split()) in item for item in items
        )
    title = root.find("head/title")
    assert title is not None and (title.text or "").startswith("Utkast")
    main_ = root.find("body/main")
    assert main_ is not None and next(iter(main_)) is banner, "the banner comes first"


def test_a_draft_in_markdown_is_marked_for_the_site_generator(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["render", "policy/clinic.yaml", "--draft", "--format", "md"], capsys)
    assert code == 0
    front = yaml_load(out.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert front["draft"] is True
    assert re.search(r"^> \*\*Utkast", out, re.M)


def test_the_example_renders_in_both_languages(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["render", "policy/eksempel.yaml", "--lang", "all", "-o", "public/"], capsys)
    assert code == 0, err
    assert out == ""
    written = sorted(p.name for p in (site / "public").iterdir())
    assert written == ["eksempel-dyreklinikk.en.html", "eksempel-dyreklinikk.nb.html"]
    for path in (site / "public").iterdir():
        lang = path.name.split(".")[1]
        assert parse_html(path.read_text(encoding="utf-8")).get("lang") == lang
    assert err.count("wrote ") == 2


def test_one_page_goes_to_standard_output(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["render", "policy/eksempel.yaml"], capsys)
    assert code == 0, err
    assert parse_html(out).get("lang") == "nb", "the default language of the statement"
    code, out, _ = _run(["render", "policy/eksempel.yaml", "--lang", "en", "--fragment"], capsys)
    assert code == 0 and out.startswith('<article class="privacy-notice" lang="en">')


def test_markdown_is_chosen_by_the_file_name(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(["render", "policy/eksempel.yaml", "-o", "content/personvern.md"], capsys)
    assert code == 0
    assert (site / "content" / "personvern.md").read_text(encoding="utf-8").startswith("---\ntitle: ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["policy/eksempel.yaml", "--lang", "all"], "cannot go to standard output"),
        (["policy/eksempel.yaml", "--lang", "all", "-o", "one.html"], "cannot go to one file"),
        (["policy/eksempel.yaml", "--check"], "--check compares"),
        (["policy/clinic.yaml", "--lang", "en", "--draft"], "not published in 'en'"),
        (["policy/missing.yaml"], "no such file"),
    ],
)
def test_what_cannot_be_done_exits_2_with_a_message(
    site: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = _run(["render", *args], capsys)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert out == ""


def test_invalid_yaml_is_located(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "policy" / "broken.yaml").write_text("schema_version: 1\nstatement: [\n", encoding="utf-8")
    code, out, err = _run(["render", "policy/broken.yaml", "-o", "out/"], capsys)
    assert code == 2 and out == ""
    assert re.search(r"^policy/broken\.yaml:\d+:\d+: INP002 ", err, re.M)
    assert not (site / "out").exists()


def test_check_passes_after_render_and_fails_after_a_hand_edit(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["render", "policy/eksempel.yaml", "--lang", "all", "-o", "public/"]
    assert _run(args, capsys)[0] == 0
    code, out, err = _run([*args, "--check"], capsys)
    assert (code, out, err) == (0, "", "")
    page = site / "public" / "eksempel-dyreklinikk.en.html"
    edited = page.read_text(encoding="utf-8").replace("Privacy statement", "Privacy policy", 1)
    page.write_text(edited, encoding="utf-8")
    code, _, err = _run([*args, "--check"], capsys)
    assert code == 1
    assert "public/eksempel-dyreklinikk.en.html" in err and "re-render" in err
    assert "noticelint render policy/eksempel.yaml --lang all --output public/" in err
    assert "eksempel-dyreklinikk.nb.html" not in err
    assert _run(args, capsys)[0] == 0
    assert _run([*args, "--check"], capsys)[0] == 0


def test_check_fails_when_the_statement_changed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["render", "policy/eksempel.yaml", "-o", "public/personvern.html"]
    assert _run(args, capsys)[0] == 0
    statement = site / "policy" / "eksempel.yaml"
    statement.write_text(
        statement.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"'), encoding="utf-8"
    )
    code, _, err = _run([*args, "--check"], capsys)
    assert code == 1 and "differs" in err


def test_check_fails_when_the_page_is_missing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["render", "policy/eksempel.yaml", "-o", "public/", "--check"], capsys)
    assert code == 1 and "missing" in err
    assert not (site / "public").exists(), "--check writes nothing"


def test_check_ignores_line_endings(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["render", "policy/eksempel.yaml", "-o", "public/p.html"]
    assert _run(args, capsys)[0] == 0
    page = site / "public" / "p.html"
    page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    assert _run([*args, "--check"], capsys)[0] == 0


def test_a_failed_write_leaves_the_previous_page(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["render", "policy/eksempel.yaml", "-o", "public/p.html"]
    assert _run(args, capsys)[0] == 0
    page = site / "public" / "p.html"
    before = page.read_bytes()
    statement = site / "policy" / "eksempel.yaml"
    statement.write_text(
        statement.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2.0"'), encoding="utf-8"
    )

    def fail(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    code, _, err = _run(args, capsys)
    assert code == 2 and "cannot write" in err and "No space left" in err
    assert page.read_bytes() == before
    assert sorted(p.name for p in page.parent.iterdir()) == ["p.html"], "no temporary file is left behind"


def test_config_select_and_ignore_apply_to_the_gate(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, check_out, _ = _run(["check", "policy/clinic.yaml"], capsys)
    codes = sorted({line.split()[1] for line in _error_lines(check_out)})
    (site / "pyproject.toml").write_text(
        f"[tool.noticelint]\nignore = {codes!r}\n".replace("'", '"'), encoding="utf-8"
    )
    code, _, err = _run(["render", "policy/clinic.yaml", "-o", "out/"], capsys)
    assert code == 0, err


def test_check_does_not_import_jinja2() -> None:
    script = (
        "import sys\n"
        "from noticelint.cli import main\n"
        f"code = main(['check', {str(EXAMPLE)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')"
        " or m.startswith('noticelint.render'))\n"
        "print(code, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_the_pre_commit_hook_runs_the_check(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hooks: list[dict[str, Any]] = yaml_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "noticelint-render")
    assert hook["pass_filenames"] is False, "pre-commit's file names would be read as statements"
    entry = hook["entry"].split()
    assert entry[:3] == ["noticelint", "render", "--check"]
    args = ["policy/eksempel.yaml", "--lang", "all", "--output", "public/"]  # as docs/render.md configures it
    assert main([*entry[1:], *args]) == 1, "nothing rendered yet"
    assert main(["render", *args]) == 0
    assert main([*entry[1:], *args]) == 0
    capsys.readouterr()


def test_documented_in_render_md() -> None:
    doc = (REPO / "docs" / "render.md").read_text(encoding="utf-8")
    for needle in (
        "noticelint render",
        "--check",
        "--draft",
        "noticelint-render",
        "pass_filenames",
        "notice-nb.png",
    ):
        assert needle in doc, needle


def test_render_reads_and_parses_each_statement_once(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gate and the page come from one pass over the file: what is rendered is what was checked."""
    import noticelint.lint.engine

    calls: dict[str, int] = {"read": 0, "parse": 0}
    real_read, real_parse = noticelint.lint.engine.read_bytes, noticelint.lint.engine.parse

    def counting_read(path: Path, max_bytes: int) -> bytes:
        calls["read"] += 1
        return real_read(path, max_bytes)

    def counting_parse(text: str, display: str) -> Any:
        calls["parse"] += 1
        return real_parse(text, display)

    monkeypatch.setattr(noticelint.lint.engine, "read_bytes", counting_read)
    monkeypatch.setattr(noticelint.lint.engine, "parse", counting_parse)
    code, _, err = _run(["render", "policy/eksempel.yaml", "--lang", "all", "-o", "out/"], capsys)
    assert code == 0, err
    assert calls == {"read": 1, "parse": 1}
    assert sorted(p.name for p in (site / "out").iterdir()) == [
        "eksempel-dyreklinikk.en.html",
        "eksempel-dyreklinikk.nb.html",
    ]


def test_many_statements_render_alike_on_one_core_and_on_all(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from noticelint.lint.parallel import PARALLEL_THRESHOLD

    example = EXAMPLE.read_text(encoding="utf-8")
    assert "id: eksempel-dyreklinikk" in example
    (site / "policy" / "clinic.yaml").unlink()
    for index in range(PARALLEL_THRESHOLD + 6):
        text = example.replace("id: eksempel-dyreklinikk", f"id: klinikk-{index:02}", 1)
        (site / "policy" / f"klinikk-{index:02}.yaml").write_text(text, encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2"):
        code, _, err = _run(
            ["render", "policy", "--lang", "all", "--jobs", jobs, "-o", f"out{jobs}/"], capsys
        )
        assert code == 0, err
        pages = {p.name: p.read_text(encoding="utf-8") for p in (site / f"out{jobs}").iterdir()}
        outputs[jobs] = (pages, [line.replace(f"out{jobs}/", "") for line in err.splitlines()])
    assert len(outputs["1"][0]) == 2 * (PARALLEL_THRESHOLD + 7)  # the example itself, and the copies
    assert outputs["1"] == outputs["2"], "the pages and the order of the messages do not depend on --jobs"


def test_render_jobs_must_be_positive(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["render", "policy/eksempel.yaml", "--jobs", "0"], capsys)
    assert code == 2 and "--jobs must be 1 or more" in err
