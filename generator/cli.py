"""The command line: `coachref check | export | course | build | urls | edition`. The only module that prints."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.cli_args import parser
from generator.diagnostics import report
from generator.diagnostics.exit_codes import ExitCode
from generator.model.types import Model
from generator.pipeline import Checked, load_model
from generator.render.strings import CatalogueError, MissingString

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code. User errors never show a traceback."""
    args = parser().parse_args(argv)
    root = Path.cwd()
    try:
        if args.command == "check":
            return _check(root, args)
        if args.command == "export":
            return _export(root, args)
        if args.command == "build":
            return _build(root, args)
        if args.command == "urls":
            return _urls(root, args)
        if args.command == "edition":
            return _edition(root, args)
        if args.command == "course":
            from generator.course.command import run_course

            code, output, errors = run_course(root, args.file, args.format, args.requirements)
            sys.stdout.write(output)
            sys.stderr.write(errors)
            return code
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except (MissingString, CatalogueError) as exc:  # the package's interface strings are incomplete
        print(f"coachref: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # an internal error: say so plainly; the traceback only on request
        if os.environ.get("COACHREF_DEBUG"):
            raise
        if isinstance(exc, OSError):  # a full disk, a file-size limit, a read-only folder: the reason, one line
            print(f"coachref: {_why(exc)}", file=sys.stderr)
            return EXIT_PROBLEMS
        print(
            f"coachref: internal error: {type(exc).__name__}: {exc}\n"
            "(set COACHREF_DEBUG=1 to see the traceback, and please report it)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return EXIT_USAGE  # pragma: no cover - argparse guarantees a known command


def _why(exc: OSError) -> str:
    """An OSError as one line: the system's reason and the file it concerns, when known."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{reason} ({exc.filename})" if exc.filename else reason


def _check(root: Path, args: argparse.Namespace) -> int:
    result = load_model(root).result  # the check, plus the published addresses the model must keep
    if args.format == "json":
        sys.stdout.write(report.as_json(result.problems, result.files))
    else:
        sys.stdout.write(report.text(result.problems, result.files, hints=not args.no_hints))
    return EXIT_PROBLEMS if result.failed(args.strict) else EXIT_OK


def _model_or_report(root: Path, refusal: str, courses: bool = False, checked: Checked | None = None) -> Model | None:
    """The checked model, or None after printing its errors and `refusal` to stderr (with `courses`, also when a
    course file has an error, as `coachref check` refuses it)."""
    checked = checked or load_model(root)
    errors = [p for p in checked.result.problems if p.severity == "error"] if courses else checked.errors
    if checked.model is None or errors:
        sys.stderr.write(report.text(errors, checked.result.files))
        sys.stderr.write(f"coachref: {refusal}: fix the errors above first\n")
        return None
    return checked.model


def _export(root: Path, args: argparse.Namespace) -> int:
    from generator.editions.impact import history, to_reconfirm
    from generator.render.exports import EXPORTERS
    from generator.write import replace_files

    checked = load_model(root)
    model = _model_or_report(root, "nothing exported", checked=checked)
    if model is None:
        return EXIT_PROBLEMS
    reconfirm = to_reconfirm(model, history(model, checked.editions))  # rows reviewed before a change of meaning
    out: Path = args.out if args.out.is_absolute() else root / args.out
    try:  # an exporter that writes temporary files can be stopped by a full disk or a file-size limit
        files: dict[str, str | bytes] = dict(EXPORTERS[args.format](model, args.lang, reconfirm))
    except OSError as exc:
        print(
            f"coachref: cannot make the {args.format} export: {_why(exc)}; nothing was written to {out}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    try:
        replace_files(out, files)
    except OSError as exc:
        print(f"coachref: cannot write to {out}: {exc.strerror}", file=sys.stderr)
        return EXIT_PROBLEMS
    for name in sorted(files):
        print(f"wrote {(out / name).as_posix()}")
    return EXIT_OK


def _urls(root: Path, args: argparse.Namespace) -> int:
    """Show or update the ledger of published addresses (generator/validate/ledger.py)."""
    from generator.validate import ledger

    checked = load_model(root)
    if args.update:
        model = checked.model
        if model is None:  # a dropped address is exactly what --update is for; other errors still stop it
            if any(p.code != "url-dropped" for p in checked.errors):
                _model_or_report(root, "ledger not updated")
                return EXIT_PROBLEMS
            from generator.model.build import build

            model = build(checked.result.loaded)
        added, removed = ledger.update(model, root)
        for url in added:
            print(f"+ {url}")
        for url in removed:
            print(f"- {url}")
        print(f"{ledger.LEDGER}: {len(added)} added, {len(removed)} removed")
        return EXIT_OK
    lost = [p for p in checked.errors if p.code == "url-dropped"]
    if checked.model is None and not lost:
        _model_or_report(root, "addresses not compared")
        return EXIT_PROBLEMS
    sys.stdout.write(report.text(lost, 1) if lost else f"{ledger.LEDGER}: every published address is kept\n")
    return EXIT_PROBLEMS if lost else EXIT_OK


_UNDECLARED = frozenset({"undeclared-change", "unknown-edition", "item-dropped"})


def _edition(root: Path, args: argparse.Namespace) -> int:
    """Freeze, list or compare editions (generator/editions/)."""
    from generator.editions import freeze

    if args.action == "freeze" and not args.id:
        print("coachref edition freeze: name the new edition, e.g. coachref edition freeze 2026-12-05", file=sys.stderr)
        return EXIT_USAGE
    checked = load_model(root)
    if args.action == "list":
        sys.stdout.write("".join(f"{line}\n" for line in freeze.listing(checked.editions)) or "no editions yet\n")
        return EXIT_OK
    model = checked.model
    if model is None and args.action == "diff" and all(p.code in _UNDECLARED for p in checked.errors):
        from generator.model.build import build  # the diff is what an editor reads to declare the changes

        model = build(checked.result.loaded)
    if model is None:
        _model_or_report(root, "no edition frozen" if args.action == "freeze" else "nothing compared")
        return EXIT_PROBLEMS
    if args.action == "diff":
        sys.stdout.write(freeze.diff_text(model, checked.editions))
        return EXIT_OK
    if checked.result.failed(True):
        sys.stderr.write(report.text(checked.result.problems, checked.result.files))
        print("coachref: no edition frozen: an edition is made from data without errors or warnings", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        path = freeze.freeze(model, root, checked.editions, args.id)
    except freeze.Refused as exc:
        print(f"coachref: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"froze edition {args.id} into {path.relative_to(root).as_posix()}")
    return EXIT_OK


def _build(root: Path, args: argparse.Namespace) -> int:
    """Check, then build the site with MkDocs in this process (the coachref plugin generates the pages from the same
    check) into a staging folder that replaces the old site only when the build succeeded."""
    import logging

    from generator.mkdocs.publish import PublishError, TargetRefused, build_site, configure, log_handler

    try:
        build = configure(root, args.site_dir, args.site_url)  # first: a --site-dir that must not be replaced
    except TargetRefused as exc:
        print(f"coachref: {exc}", file=sys.stderr)
        print("coachref: site not built; nothing was changed", file=sys.stderr)
        return EXIT_USAGE
    except PublishError as exc:
        print(f"coachref: {exc}", file=sys.stderr)
        print("coachref: site not built; the previous site is unchanged", file=sys.stderr)
        return EXIT_PROBLEMS
    if _model_or_report(root, "site not built", courses=True) is None:  # courses/ too, as `coachref check`
        return EXIT_PROBLEMS
    handler = log_handler(sys.stderr)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def waiting(lock: Path) -> None:
        print(
            f"coachref: another build of {build.target.as_posix()} is running (it holds {lock.as_posix()}); "
            "waiting for it to finish",
            file=sys.stderr,
        )

    try:
        published = build_site(build, waiting)
    except PublishError as exc:
        print(f"coachref: {exc}", file=sys.stderr)
        print("coachref: site not built; the previous site is unchanged", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        logger.removeHandler(handler)
    if published.left_behind is not None:
        print(
            f"coachref: warning: could not remove {published.left_behind.as_posix()} (an old site): remove it by hand",
            file=sys.stderr,
        )
    print(f"built the site into {published.target.as_posix()}")
    return EXIT_OK


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends the command like Ctrl-C does: through every clean-up, so no staging folder stays behind."""
    raise SystemExit(ExitCode.TERMINATED if signum == signal.SIGTERM else 128 + signum)


def entry() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _terminate)
    if not os.environ.get("COACHREF_DEBUG"):
        # After a write error (a full disk), libraries' half-done generators complain when they are collected;
        # the error itself has been reported on one line already.
        sys.unraisablehook = lambda _unraisable: None
    sys.exit(main())
