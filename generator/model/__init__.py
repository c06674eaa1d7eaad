"""Model stage: the typed model built from valid documents, and the facts about it every renderer shares (page
addresses, the page inventory, coverage, dates)."""
