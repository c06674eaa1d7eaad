"""The exit codes of every coachref command, in one table (the README's "Exit codes" section repeats it)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a command's exit status means; the same for every command."""

    OK = 0  # clean, built, written, frozen; a course compliant, or with no target named (a result per set)
    PROBLEMS = 1  # problems in the data or a course file, a course not compliant, a write or an interface string failed
    USAGE = 2  # a wrong command line, a file or set that does not exist, a site folder refused, or an internal error
    INTERRUPTED = 130  # stopped with Ctrl-C (128 + SIGINT); clean-up done, the old site and files left as they were
    TERMINATED = 143  # stopped with SIGTERM (128 + SIGTERM); the same clean-up
