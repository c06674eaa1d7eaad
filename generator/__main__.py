"""`python -m generator` runs the coachref command line."""

from .cli import entry

entry()
