"""Load stage: find the project's files, read them safely, parse YAML with line and column of every node."""
