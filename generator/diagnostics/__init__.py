"""Diagnostics: the table of problem codes, the located Problem, the reporters that print them, and exit codes."""
