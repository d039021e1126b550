"""Every code block of the README runs, and every block of output is what its command prints.

The README is read as a newcomer reads it: its Python blocks run in order in one namespace,
its shell commands run as written (with this environment's programs in place of ``.venv/bin``),
both in a scratch folder that holds the project's seeds, examples and tests, so that nothing
is written into the repository. Installing (``python3 -m venv``, ``pip install``) is what
``.ci/run`` does in a fresh environment, and ``python -m pytest`` is this very suite: those
steps are checked against ``.ci/run`` instead of being run again here.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_OUTPUT_OF = re.compile(r"<!-- output of: (.+?) -->\n```text\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_BIN = Path(sys.executable).parent
_INSTALL_STEPS = ("python3 -m venv ", ".venv/bin/pip install ", ".venv/bin/python -m pytest")


def _blocks(language: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(README) if lang == language]


def _commands(block: str) -> list[str]:
    """The commands of a shell block, one per line, comments dropped."""
    lines = [line.split("  #")[0].strip() for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def _steps(command: str) -> list[str]:
    return [step.strip() for step in command.split(" && ")]


def _is_install(step: str) -> bool:
    return step.startswith(_INSTALL_STEPS)


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("seeds", "examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(
    step: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    words = shlex.split(step)
    program = words[0]
    if program.startswith(".venv/bin/"):
        program = str(_BIN / program.removeprefix(".venv/bin/"))
    elif program in ("python", "python3", "humtrack"):
        program = sys.executable if program.startswith("python") else str(_BIN / program)
    expanded: list[str] = []
    for word in words[1:]:  # the shell's globbing, for seeds/*.txt
        matches = sorted(str(p.relative_to(cwd)) for p in cwd.glob(word)) if "*" in word else []
        expanded.extend(matches or [word])
    return subprocess.run(
        [program, *expanded],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
        check=False,
    )


def test_the_readme_has_only_blocks_that_can_be_run_or_compared() -> None:
    languages = {lang for lang, _ in _BLOCK.findall(README)}
    assert languages <= {"python", "sh", "text"}, languages
    # every fence is one this test reads: none indented, none written with tildes
    fences = [line for line in README.splitlines() if line.lstrip().startswith(("```", "~~~"))]
    assert all(line.startswith("```") for line in fences)
    assert len(fences) == 2 * len(_BLOCK.findall(README))
    # a block of output says which command printed it, so that it can be compared
    assert README.count("```text") == len(_OUTPUT_OF.findall(README))


def test_the_python_blocks_run_in_order(scratch: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for number, block in enumerate(_blocks("python")):
        try:
            exec(compile(block, f"README.md python block {number}", "exec"), namespace)
        except Exception as error:  # pragma: no cover - the message is the point
            pytest.fail(f"README python block {number} failed: {error!r}\n{block}")
    assert (scratch / "claims.json").is_file()
    assert (scratch / "claims.sqlite").is_file()
    assert (scratch / "report.html").is_file()


def test_the_shell_commands_run_as_written(scratch: Path) -> None:
    ran = 0
    for block in _blocks("sh"):
        for command in _commands(block):
            for step in _steps(command):
                if _is_install(step):
                    continue
                smoke = {"HUMTRACK_BENCH_SMOKE": "1"} if "tests/benchmarks/" in step else None
                done = _run(step, scratch, smoke)
                assert done.returncode == 0, f"{step}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
                ran += 1
    assert ran >= 10
    page = (scratch / "report.html").read_text(encoding="utf-8")
    assert "more than 200,000" in page


def test_the_install_steps_are_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    first, second = (_commands(block)[0] for block in _blocks("sh")[:2])
    for step in _steps(second):
        if step.startswith(".venv/bin/"):
            assert step in ci, step
    # and .ci/run runs the first command itself, from the README, in a clean copy
    assert "README.md" in ci
    assert _steps(first)[:2] == ["python3 -m venv .venv", ".venv/bin/pip install -q ."]


@pytest.mark.parametrize(("command", "shown"), _OUTPUT_OF.findall(README))
def test_each_block_of_output_is_what_its_command_prints(
    scratch: Path, command: str, shown: str
) -> None:
    done = _run(command, scratch)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == shown.strip()
