"""All-or-nothing output: an export that fails or is interrupted part-way changes nothing and leaves no staging
folder; one a killed run left behind is removed by the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import write


def test_an_interrupted_export_changes_nothing_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write.replace_files(out, {"a.csv": "old a", "b.csv": "old b"})
    real = Path.write_bytes
    calls = []

    def interrupted(self: Path, data: bytes) -> int:
        calls.append(self.name)
        if len(calls) == 2:
            raise KeyboardInterrupt  # what SIGINT, or SIGTERM through the CLI's handler, raises
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write.replace_files(out, {"a.csv": "new a", "b.csv": "new b"})
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "b.csv"]
    assert (out / "a.csv").read_text(encoding="utf-8") == "old a"


def test_a_staging_folder_left_by_a_killed_export_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".staging-abc123" / "csv").mkdir(parents=True)
    (out / ".staging-abc123" / "csv" / "half.csv").write_text("half", encoding="utf-8")
    write.replace_files(out, {"a.csv": "a"})
    assert sorted(p.name for p in out.iterdir()) == ["a.csv"]
