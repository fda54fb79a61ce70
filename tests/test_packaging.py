"""The built wheel carries the rules and the knowledge tables; the pre-commit hook works in another repo."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
CLINIC = REPO / "policy" / "solor-dyreklinikk.yaml"


def _run(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Built from a copy, so that setuptools' build/ and egg-info never land in the work tree.
    source = tmp_path_factory.mktemp("source") / "noticelint"
    ignore = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", ".*_cache", "__pycache__")
    shutil.copytree(REPO, source, ignore=ignore)
    result = _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        source,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (built,) = out.glob("noticelint-*.whl")
    return built


def test_wheel_in_a_fresh_venv_has_rules_and_knowledge(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path
        ).stdout.strip()
    )
    # Install only noticelint from the wheel; its dependencies come from this test run's environment.
    result = _run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _run([str(python), "-c", "import noticelint; print(noticelint.__file__)"], work)
    assert str(site) in where.stdout, where.stdout + where.stderr

    rules = _run([str(python), "-m", "noticelint", "rules"], work)
    assert rules.returncode == 0, rules.stderr
    assert "CTL003" in rules.stdout and "controller-mismatch" in rules.stdout

    examples = _run([str(python), "-m", "noticelint", "rules", "--check-examples"], work)
    assert examples.returncode == 0, examples.stdout + examples.stderr  # the base statement is in the wheel

    check = _run([str(python), "-m", "noticelint", "check", str(CLINIC)], work)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "CTL003" in check.stdout and "ØstCom AS" in check.stdout


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    git = shutil.which("git")
    if pre_commit is None or git is None:
        pytest.skip("pre-commit or git is not installed")
    scratch = tmp_path / "site-repo"
    (scratch / "policy").mkdir(parents=True)
    shutil.copy(CLINIC, scratch / "policy" / "clinic.yaml")
    env = {
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.no",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.no",
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "statement"]):
        assert _run([git, *args], scratch, env=env).returncode == 0
    result = _run([pre_commit, "try-repo", str(REPO), "noticelint", "--all-files"], scratch, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "CTL003" in output and "policy/clinic.yaml" in output
