"""`python -m generator` runs the coachref command line."""

from generator.cli import entry

entry()
