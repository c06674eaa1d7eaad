"""Render stage: the model as Markdown pages for MkDocs (site/) and as downloads (exports/), through one escaper
(markup.py) and the interface strings of both languages (strings/)."""
