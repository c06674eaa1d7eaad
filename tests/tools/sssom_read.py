"""Validate SSSOM/TSV files with the official `sssom` package and print what it parsed, as JSON.

Run in its own process (pandas and linkml warn on import; the test suite turns warnings into errors):
`python tests/tools/sssom_read.py FILE...` prints {file: {"errors": [...], "metadata": {...}, "rows": [...]}}.
"""

from __future__ import annotations

import json
import sys
import warnings


def main(paths: list[str]) -> int:
    warnings.simplefilter("ignore")
    from sssom.constants import SchemaValidationType
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    kinds = [
        SchemaValidationType.JsonSchema,
        SchemaValidationType.PrefixMapCompleteness,
        SchemaValidationType.StrictCurieFormat,
    ]
    out: dict[str, object] = {}
    for path in paths:
        errors: list[str] = []
        try:
            msdf = parse_sssom_table(path)
            validate(msdf, kinds, fail_on_error=True)
        except Exception as exc:  # the validator raises on the first kind of error it finds
            errors.append(f"{type(exc).__name__}: {exc}")
            out[path] = {"errors": errors}
            continue
        rows = json.loads(msdf.df.fillna("").astype(str).to_json(orient="records"))
        meta = {k: v for k, v in msdf.metadata.items() if isinstance(v, str)}
        out[path] = {"errors": errors, "metadata": meta, "prefixes": dict(msdf.converter.bimap), "rows": rows}
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
