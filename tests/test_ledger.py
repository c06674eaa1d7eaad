"""The committed ledger of published addresses (published-urls.txt) is the site's current list: every address the
data publishes is in it (so none can later vanish unnoticed), and `coachref urls` agrees."""

from __future__ import annotations

from generator.validate.ledger import LEDGER, site_urls

from .helpers import ROOT, model_of, run_cli


def test_the_ledger_lists_exactly_what_the_site_publishes() -> None:
    lines = (ROOT / LEDGER).read_text(encoding="utf-8").splitlines()
    listed = [line for line in lines if line and not line.startswith("#")]
    assert listed == site_urls(model_of(ROOT)), "run `coachref urls --update` and commit published-urls.txt"
    assert len(listed) == len(set(listed)) and all(u == "" or u.endswith("/") for u in listed)


def test_coachref_urls_reports_every_address_kept() -> None:
    code, out, err = run_cli(["urls"], ROOT)
    assert (code, out) == (0, f"{LEDGER}: every published address is kept\n"), err
