"""Render stage for the website: model → Markdown pages (en/nl pairs) that MkDocs builds into the site."""
