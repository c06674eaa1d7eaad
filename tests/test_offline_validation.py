"""Third-party validators work offline from a checkout: check-jsonschema validates every data file against the
schema its `# yaml-language-server: $schema=` line names, and every hook of .pre-commit-config.yaml accepts the
files it matches, with any network request made to fail (a dead proxy)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .helpers import ROOT

CHECK = [sys.executable, "-m", "check_jsonschema"]
#: Any request to another host fails at once: the proxy is a closed port on this machine.
OFFLINE = {
    **os.environ,
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
}
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _data_files(root: Path) -> list[str]:
    files = [p for p in (root / "standards").rglob("*.yaml")] + list((root / "courses").glob("*.yaml"))
    return sorted(p.relative_to(root).as_posix() for p in files)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CHECK, *args], cwd=cwd, env=OFFLINE, capture_output=True, text=True, check=False)


def _hooks(root: Path) -> list[dict[str, str]]:
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return [h for repo in config["repos"] for h in repo["hooks"]]


def _by_schema_line(root: Path) -> dict[str, list[str]]:
    """Schema path (relative to root, as the file's first line names it) -> the files that name it."""
    out: dict[str, list[str]] = {}
    for rel in _data_files(root):
        first = (root / rel).read_text(encoding="utf-8").splitlines()[0]
        match = _SCHEMA_LINE.match(first)
        assert match, f"{rel}: no yaml-language-server line"
        schema = os.path.normpath((Path(rel).parent / match.group(1)).as_posix())
        out.setdefault(Path(schema).as_posix(), []).append(rel)
    return out


@pytest.mark.slow  # runs pre-commit's hooks
def test_pre_commit_hooks_match_the_schema_lines_and_pass() -> None:
    """Each data file is matched by exactly one hook, whose schema is the one its first line names, and every hook
    passes offline: so every file validates through its $schema line."""
    schema_of = {f: s for s, files in _by_schema_line(ROOT).items() for f in files}
    matched: dict[str, list[str]] = {}
    for hook in _hooks(ROOT):
        args = shlex.split(hook["entry"])
        assert args[0] == "check-jsonschema" and hook["language"] == "system"
        candidates = [f"schemas/{p.name}" for p in sorted((ROOT / "schemas").glob("*.schema.json"))]
        files = [f for f in [*_data_files(ROOT), *candidates] if re.search(hook["files"], f)]
        assert files, hook["id"]
        if "--schemafile" in args:
            schema = args[args.index("--schemafile") + 1]
            for f in files:
                matched.setdefault(f, []).append(hook["id"])
                assert schema_of[f] == schema, (f, hook["id"])
        done = _run([*args[1:], *files], ROOT)
        assert done.returncode == 0, hook["id"] + ":\n" + done.stdout + done.stderr
    assert {f: len(h) for f, h in matched.items()} == dict.fromkeys(_data_files(ROOT), 1)


def test_a_broken_file_fails_offline_with_a_located_message(tmp_path: Path) -> None:
    """Not vacuous: a wrong value fails, and a $ref is resolved beside the schema (no network needed to find it)."""
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    target = tmp_path / "standards" / "coaching-professional"
    target.mkdir(parents=True)
    text = (ROOT / "standards/coaching-professional/knowledge.yaml").read_text(encoding="utf-8")
    (target / "knowledge.yaml").write_text(text.replace('id: "ST0809:knowledge"', "id: 5", 1), encoding="utf-8")
    done = _run(
        ["--schemafile", "schemas/group.schema.json", "standards/coaching-professional/knowledge.yaml"], tmp_path
    )
    assert done.returncode == 1 and "$.id: 5 is not of type 'string'" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("name", ["group.schema.json", "course.schema.json"])
def test_the_schemas_name_no_host(name: str) -> None:
    """Nothing in a schema sends a validator to a host: no $id, and every $ref is relative or local."""
    text = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    refs = re.findall(r'"\$ref": "([^"]+)"', text)
    assert refs and all(not r.startswith(("http:", "https:")) for r in refs)
