"""A newcomer's first minutes: init, the schema in their repository, explain-value, excluded statements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticelint.cli import main
from noticelint.format.schema import schema_text

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTICELINT_CACHE_DIR", raising=False)
    return tmp_path


@pytest.mark.parametrize("kind", ["clinic", "shop", "association", "app"])
@pytest.mark.parametrize("lang", ["nb", "en", "nb,en"])
def test_init_writes_a_statement_that_loads_and_lists_what_to_fill_in(
    site: Path, capsys: pytest.CaptureFixture[str], kind: str, lang: str
) -> None:
    assert main(["init", "--org", "Bilag og Bok AS", "--lang", lang, "--kind", kind]) == 0
    out = capsys.readouterr().out
    assert "wrote policy/bilag-og-bok-as.yaml" in out
    statement = site / "policy" / "bilag-og-bok-as.yaml"
    first = statement.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/privacy-statement.schema.json"
    # the modeline points at a file that is there, and it is the schema the tool validates against
    assert (statement.parent / "../schema/privacy-statement.schema.json").resolve().read_text(
        encoding="utf-8"
    ) == schema_text()
    code = main(["check", "--no-cache", "--format", "json", "policy"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1  # loads (no exit 2), and says what is missing
    assert findings and not [f for f in findings if f["input_error"]]
    assert "RET001" in {f["code"] for f in findings}


def test_init_never_overwrites_without_force(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (site / ".vscode").mkdir()
    (site / ".vscode" / "settings.json").write_text("{}\n", encoding="utf-8")
    assert main(["init", "--org", "Eksempel AS"]) == 0
    out = capsys.readouterr().out
    assert (site / ".pre-commit-config.yaml").read_text(encoding="utf-8") == "repos: []\n"
    assert (site / ".vscode" / "settings.json").read_text(encoding="utf-8") == "{}\n"
    assert "kept .pre-commit-config.yaml (it exists; --force overwrites it)" in out
    assert "entry: noticelint check" in out  # the hook to add by hand
    assert main(["init", "--org", "Eksempel AS", "--force"]) == 0
    settings = json.loads((site / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {
        "./schema/privacy-statement.schema.json": ["policy/*.yaml", "policy/**/*.yaml"]
    }
    assert "entry: noticelint check" in (site / ".pre-commit-config.yaml").read_text(encoding="utf-8")


def test_init_refuses_unknown_kind_and_language(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--kind", "bakery"]) == 2
    assert main(["init", "--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert "unknown --kind 'bakery'" in err and "not 'de'" in err
    assert not (site / "policy").exists()


def test_schema_output_writes_the_schema_with_a_stable_id(site: Path) -> None:
    assert main(["schema", "--output", "schema/x.json"]) == 0
    written = json.loads((site / "schema" / "x.json").read_text(encoding="utf-8"))
    assert written["$id"] == "urn:noticelint:schema:privacy-statement:1"
    assert (REPO / "schema" / "privacy-statement.schema.json").read_text(encoding="utf-8") == schema_text()


def test_explain_value_names_the_template_a_value_comes_from(capsys: pytest.CaptureFixture[str]) -> None:
    client = REPO / "examples" / "agency" / "clients" / "solor-dyreklinikk.yaml"
    base = (REPO / "examples" / "agency" / "base.yaml").read_text(encoding="utf-8").splitlines()
    assert main(["explain-value", str(client), "/activities/1/legal_basis"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == '/activities/1/legal_basis = "6(1)(a)"'
    line = int(out[1].split(":")[1])
    assert out[1].startswith("from examples/agency/base.yaml:") or "/examples/agency/base.yaml:" in out[1]
    assert base[line - 1].strip() == 'legal_basis: "6(1)(a)"'
    assert main(["explain-value", str(client), "/controller/legal_name"]) == 0
    assert "solor-dyreklinikk.yaml:" in capsys.readouterr().out
    assert main(["explain-value", str(client), "/nothing/here"]) == 2


def test_check_warns_about_an_excluded_file_that_looks_like_a_statement(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "pyproject.toml").write_text(
        '[tool.noticelint]\nexclude = ["policy/drafts/*"]\n', encoding="utf-8"
    )
    (site / "policy" / "drafts").mkdir(parents=True)
    statement = (REPO / "policy" / "eksempel-dyreklinikk.yaml").read_text(encoding="utf-8")
    (site / "policy" / "ok.yaml").write_text(statement, encoding="utf-8")
    (site / "policy" / "drafts" / "utkast.yaml").write_text(statement, encoding="utf-8")
    (site / "policy" / "drafts" / "other.yaml").write_text("some: data\n", encoding="utf-8")
    assert main(["check", "--no-cache", "policy"]) == 0
    err = capsys.readouterr().err
    assert "warning[excluded-statement]: policy/drafts/utkast.yaml looks like a statement" in err
    assert "other.yaml" not in err


def test_the_hook_init_writes_runs_with_pre_commit_as_written(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    bin_dir = Path(sys.executable).parent
    pre_commit = shutil.which("pre-commit", path=str(bin_dir))
    git = shutil.which("git")
    if pre_commit is None or git is None or shutil.which("noticelint", path=str(bin_dir)) is None:
        pytest.skip("pre-commit, git or the noticelint command is not installed")
    site = tmp_path / "site"
    site.mkdir()
    env = {
        "HOME": str(tmp_path),
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.no",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.no",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=site, env=env, capture_output=True, text=True, timeout=300)

    assert run(git, "init", "-q").returncode == 0
    assert run(str(bin_dir / "noticelint"), "init", "--org", "Eksempel AS").returncode == 0
    assert run(git, "add", ".").returncode == 0
    result = run(pre_commit, "run", "--all-files")
    output = result.stdout + result.stderr
    # the hook ran on the statement and failed on what is still to fill in
    assert result.returncode == 1, output
    assert "policy/eksempel-as.yaml" in output and "RET001" in output
