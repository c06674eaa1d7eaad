"""Render a course compliance report as text (A4-wide), Markdown or JSON, from its plain data (report_data.py):
verdict first, then the facts that make it re-checkable, then each applied set, condition and item with evidence."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any, Literal

from generator.course.edition import EDITIONS_PAGE
from generator.course.report_data import as_data, edition_words, gap
from generator.course.report_words import (
    basis,
    condition_state,
    detail,
    evidence,
    facts,
    group_items,
    indirect,
    kind,
    quote,
    s,
    set_state,
)
from generator.course.results import CourseReport
from generator.model.types import Lang
from generator.render import markup as mk

Format = Literal["text", "json", "md"]
WIDTH = 80  # fits an A4 page in a 10-point monospaced font with ordinary margins


def render_report(report: CourseReport, fmt: Format, lang: Lang, base: str = "") -> str:
    """The report as text, Markdown or JSON (JSON carries both languages whatever `lang` is). `base` is put before
    an item's page address (the site's address for a saved report; a relative path on the site itself)."""
    data = as_data(report)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _markdown(data, lang, base)
    return _text(data, lang, base)


# ---------------------------------------------------------------- text


def _wrap(text: str, indent: int, first: str = "") -> list[str]:
    pad = " " * indent
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first.ljust(indent) if first else pad,
        subsequent_indent=pad,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [first]


def _text(data: dict[str, Any], lang: Lang, base: str) -> str:
    title = s("title", lang)
    lines = [title.upper(), "=" * len(title), "", *_wrap(data["verdict"][lang], 0), ""]
    rows = facts(data, lang)
    width = max(len(label) for label, _v in rows) + 2
    if base:  # the editions page, in the report's language
        rows.append((s("editions_page", lang), base + EDITIONS_PAGE))
        width = max(width, len(rows[-1][0]) + 2)
    for label, value in rows:
        if width + len(value) > WIDTH and " " not in value:  # a hash or an address: whole, on a line of its own
            lines += [label, "  " + value]
        else:
            lines.extend(_wrap(value, width, label))
    lines += ["", s("applied", lang) + ":"]
    for rs in data["requirement_sets"]:
        lines.extend(_wrap(f"{rs['title'][lang]}: {s('applied_' + rs['because'], lang)}", 4, "  -"))
    if data["not_applied"]:
        lines.append(s("not_applied", lang) + ":")
        for n in data["not_applied"]:
            lines.extend(_wrap(n["title"][lang], 4, "  -"))
    for rs in data["requirement_sets"]:
        heading = f"{rs['title'][lang]}: {set_state(rs, lang).upper()}"
        lines += ["", *textwrap.wrap(heading, WIDTH), "-" * min(len(heading), WIDTH)]
        lines.extend(_wrap(f"{s('source', lang)} ({kind(rs['source'], lang)}): {rs['source'][lang]}", 2, ""))
        lines += ["", s("conditions", lang) + ":"]
        for c in rs["conditions"]:
            lines.extend(
                _wrap(
                    f"{c['statement'][lang]} ({kind(c['statement'], lang)}; {basis(c, lang)})",
                    4,
                    f"  [{condition_state(c, lang)}] ",
                )
            )
            if "quote" in c:
                lines.extend(_wrap(quote(c["quote"], lang), 4))
            lines.extend(_wrap("→ " + (detail(c, lang) if c["met"] else gap(c, lang)), 4))
        for c in rs["conditions"]:
            if c["rule"] != "covers-all":
                continue
            for group, items in group_items(c):
                lines += ["", f"{group['title'][lang]}:"]
                for i in items:
                    lines += _text_item(i, lang, base)
    lines += ["", *_wrap(s("rechecked", lang), 0)]
    return "\n".join(lines) + "\n"


def _text_item(i: dict[str, Any], lang: Lang, base: str) -> list[str]:
    state = s("covered", lang) if i["covered"] else s("not_covered", lang).upper()
    out = _wrap(f"{i['name'][lang]} ({i['id']}): {state}", 2, "  ")  # the id, to copy into `covers`
    out += _wrap(i["statement"][lang], 6)
    out += [ln for p in i["subpoints"] for ln in _wrap(p[lang], 8, "      -")]
    out += [ln for r in i["covered_by"] for ln in _wrap(evidence(r, lang), 8, f"      {s('evidence', lang)}: ")]
    out += [ln for x in i["indirect"] for ln in _wrap(indirect(x, lang), 8, "      !")]
    if base:
        out.append(f"    {base}{i['url']}")
    return out


# ---------------------------------------------------------------- Markdown


def _markdown(data: dict[str, Any], lang: Lang, base: str) -> str:
    link: Callable[[str, str], str] = (
        (lambda label, url: str(mk.el("a", label, href=base + url)))
        if not base.startswith("http")
        else (lambda label, url: mk.link(label, base + url))
    )
    verdict_class = {True: "success", False: "failure", None: "info"}[data["compliant"]]
    out = [
        f"# {s('title', lang)}: {mk.text(data['course']['programme'])}",  # the course's name too, as search shows h1s
        "",
        f'!!! {verdict_class} "{mk.text(s("verdict", lang))}"',
        "",
        f"    **{mk.text(data['verdict'][lang])}**",
        "",
        f"| {s('fact', lang)} | {s('value', lang)} |",
        "|---|---|",
    ]
    written, course = data["course"]["language"], data["course"]
    own = {course["programme"], course["provider"]}  # the course's own words, in the course's language
    rows = facts(data, lang)
    out.extend(
        f"| {label} | {_course_text(value, lang, written) if value in own else mk.text(value)} |"
        for label, value in rows[:-1]
    )
    words = edition_words(data["edition"], lang)
    named = link(words, EDITIONS_PAGE) if base else mk.text(words)
    out.append(f"| {rows[-1][0]} | {named}{mk.text(rows[-1][1].removeprefix(words))} |")
    out += ["", f"**{s('applied', lang)}:**", ""]
    out.extend(
        f"- {mk.text(rs['title'][lang])}: {mk.text(s('applied_' + rs['because'], lang))}"
        for rs in data["requirement_sets"]
    )
    if data["not_applied"]:
        out += ["", f"**{s('not_applied', lang)}:**", ""]
        out.extend(f"- {mk.text(n['title'][lang])}" for n in data["not_applied"])
    for rs in data["requirement_sets"]:
        out += _md_set(rs, lang, link, data["course"]["language"])
    out += ["", mk.text(s("rechecked", lang))]
    return "\n".join(out) + "\n"


def _md_set(rs: dict[str, Any], lang: Lang, link: Callable[[str, str], str], written: str | None) -> list[str]:
    """One applied set in Markdown: its state, source, the table of its conditions, and each item it asks to cover."""
    out = [
        "",
        f"## {mk.text(rs['title'][lang])}: {mk.text(set_state(rs, lang))}",
        "",
        f"{s('source', lang)}: {mk.text(rs['source'][lang])} _({kind(rs['source'], lang)})_",
        "",
        f"| {s('condition', lang)} | {s('result', lang)} | {s('details', lang)} |",
        "|---|---|---|",
    ]
    for c in rs["conditions"]:
        result = condition_state(c, lang) if c["met"] else f"**{condition_state(c, lang)}**"
        finding = detail(c, lang) if c["met"] else gap(c, lang)
        cited = (
            f"<br>{s('quote', lang)}: “{mk.text(c['quote'][lang])}” _({kind(c['quote'], lang)})_"
            if "quote" in c
            else ""
        )
        out.append(
            f"| {mk.text(c['statement'][lang])} _({kind(c['statement'], lang)}; "
            f"{mk.text(basis(c, lang))})_{cited} | {result} | "
            f"{mk.text(finding)} |"
        )
    for c in rs["conditions"]:
        if c["rule"] != "covers-all":
            continue
        for group, items in group_items(c):
            out += ["", f"### {mk.text(group['title'][lang])}", ""]
            for i in items:
                out += _md_item(i, lang, link, written)
    return out


def _md_item(i: dict[str, Any], lang: Lang, link: Callable[[str, str], str], written: str | None) -> list[str]:
    state = s("covered", lang) if i["covered"] else f"**{s('not_covered', lang).upper()}**"
    name = f"{link(i['name'][lang], i['url'])} ({mk.code(i['id'])})"  # the id, to copy into `covers`
    out = [f"- {name}: {state}. {mk.text(i['statement'][lang])}"]
    out += [f"    - {mk.text(p[lang])}" for p in i["subpoints"]]
    for r in i["covered_by"]:
        row = s(
            "evidence_row",
            lang,
            module=_course_text(r["module_title"], lang, written),
            module_id=mk.text(r["module"]),
            outcome=mk.text(r["outcome"]),
            text=_course_text(r["outcome_text"], lang, written),
        )
        out.append(f"    - {s('evidence', lang)}: {row}")
    for x in i["indirect"]:
        row = s(
            "indirect_explained",
            lang,
            outcome=mk.text(x["outcome"]),
            module=_course_text(x["module_title"], lang, written),
            via=mk.text(x["via_name"][lang]),
            relation=mk.text(x["relation_label"][lang].lower()),
        )
        out.append(f"    - {row} ({link(x['via_name'][lang], x['via_url'])})")
    return out


def _course_text(value: str, lang: Lang, written: str | None) -> str:
    """Text from the course file, escaped; marked with the course's language when the page is in the other one."""
    escaped = mk.text(value)
    return str(mk.el("span", mk.raw(escaped), lang=written)) if written and written != lang else escaped
