"""Editions: frozen, citable releases of the checked data (editions/<id>.json), the changes between them, and
what those changes mean for crosswalk rows, course reports and workbooks.

- `manifest`: per-item fingerprints of a model (code, GUID, a hash per text, status), and the edition files.
- `declared`: the check that every change since the latest edition is declared in the data.
- `delta`: what changed between two editions (added, corrected, reworded, changed, moved, split, merged, retired).
- `impact`: what a change affects: an item's last change, rows to re-confirm, changes since a given edition.
"""
