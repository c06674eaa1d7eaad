"""Validate stage: JSON Schemas per file, cross-file rules, and the ledger of published addresses."""
