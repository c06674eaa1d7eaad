"""The command line's arguments: the parser of `coachref check | export | course | build | urls | edition`, with its
help and examples (cli.py runs the commands). It imports no command's code, so that `coachref check` does not load
the exporters."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import __version__
from generator.diagnostics.exit_codes import ExitCode

#: The formats of `coachref export`: the keys of generator.render.exports.EXPORTERS (tests/test_cli.py holds them
#: equal), named here so that parsing the command line does not import every exporter.
EXPORT_FORMATS = ("case", "csv", "json", "sssom", "xlsx")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")


_EXAMPLES = """examples:
  coachref check                          validate standards/ and courses/, one located line per problem
  coachref check --strict --format json   warnings fail too; machine-readable output
  coachref build                          check, then build the site into site/ (replaced only on success)
  coachref export --format csv --lang nl --out downloads
  coachref course courses/draft-jobcoach.yaml --format md
  coachref course my-course.xlsx --requirements BVJN:register
  coachref urls --update                  record every address the site now publishes in published-urls.txt
  coachref edition freeze 2026-12-05      store the checked data as edition 2026-12-05 (editions/2026-12-05.json)
  coachref edition diff                   what changed since the latest edition

exit codes: 0 clean or compliant, 1 problems or not compliant, 2 usage or internal error"""


def parser() -> argparse.ArgumentParser:
    """The command line's parser: every command, its options and the examples of --help."""
    parser = _Parser(
        prog="coachref",
        description="Check, export and build the coaching standards reference from the project in the current folder.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"coachref {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("check", help="validate standards/ and courses/; exit 0 clean, 1 problems, 2 usage")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--no-hints", action="store_true", help="text format: leave out the indented hint lines")

    p = sub.add_parser("export", help="write the checked model as downloadable files")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True, help="export format")
    p.add_argument("--lang", choices=("en", "nl"), help="only this language (csv, case); default: both")
    p.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")

    p = sub.add_parser(
        "course", help="compliance report for one course file; exit 0 compliant (or no target named), 1 not, 2 usage"
    )
    p.add_argument("file", type=Path, help="the course file (YAML, or the XLSX template)")
    p.add_argument("--format", choices=("text", "json", "md"), default="text", help="report format")
    p.add_argument("--requirements", help="requirement set id (default: every set the course refers to)")
    p = sub.add_parser(
        "urls",
        help="compare published-urls.txt (every address the site has published) with the "
        "site; exit 1 when one would be dropped",
    )
    p.add_argument("--update", action="store_true", help="rewrite published-urls.txt with the current addresses")
    p = sub.add_parser(
        "edition",
        help="freeze the checked data as a citable edition (editions/ID.json), list "
        "the editions, or show what changed since the latest",
    )
    p.add_argument(
        "action",
        choices=("freeze", "list", "diff"),
        help="freeze ID: store the data as edition ID; list: every edition; diff: the changes since the latest edition",
    )
    p.add_argument("id", nargs="?", help="with freeze: the new edition's id, its release date YYYY-MM-DD")
    p = sub.add_parser("build", help="check, generate the pages and run `mkdocs build --strict`; exit 0 built")
    p.add_argument("--site-url", help="the address the site will be served from (overrides site_url in mkdocs.yml)")
    p.add_argument(
        "--site-dir",
        type=Path,
        help="build into this folder instead of site/ (it is replaced whole, so it must be empty or an earlier site)",
    )
    return parser
