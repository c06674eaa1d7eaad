"""Render a course compliance report as text (A4-wide), Markdown or JSON; interface strings from one table."""

from __future__ import annotations

import json
import textwrap
from typing import Any, Literal

from .. import markup as mk
from ..model import Lang, Text
from ..strings import catalogue, t, tn
from .engine import ConditionResult, CourseReport, ItemCoverage, SetResult

Format = Literal["text", "json", "md"]
WIDTH = 80  # fits an A4 page in a 10-point monospaced font with ordinary margins

SHARED = frozenset({"version", "level", "file", "item", "statement", "relation"})


def s(key: str, lang: Lang, **values: object) -> str:
    """One interface string of the report (catalogue key `report.<key>`, or a shared page key) in `lang`."""
    return t(key if key in SHARED else f"report.{key.replace('_', '-')}", lang, **values)


def render_report(report: CourseReport, fmt: Format, lang: Lang) -> str:
    """The report as text, Markdown or JSON (JSON carries both languages whatever `lang` is)."""
    if fmt == "json":
        return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _markdown(report, lang)
    return _text(report, lang)


# ---------------------------------------------------------------- shared pieces


def _mode(report: CourseReport, lang: Lang) -> str:
    parts = [s("dual" if report.dual else "not_dual", lang)]
    if report.practice_hours is not None:
        parts.append(s("practice_hours", lang, n=report.practice_hours))
    if report.training_hours is not None:
        parts.append(s("training_hours", lang, n=report.training_hours))
    if report.off_the_job_hours is not None:
        parts.append(s("off_the_job_hours", lang, n=report.off_the_job_hours))
    if report.duration_months is not None:
        parts.append(s("duration_months", lang, n=report.duration_months))
    return "; ".join(parts)


def _facts(report: CourseReport, lang: Lang) -> list[tuple[str, str]]:
    outcomes = sum(len(m.outcomes) for m in report.modules)
    return [
        (s("programme", lang), report.programme),
        (s("provider", lang), report.provider),
        (s("version", lang), report.version),
        (s("level", lang), t(f"level.{report.level}", lang)),
        (s("mode", lang), _mode(report, lang)),
        (s("modules", lang), f"{tn('report.modules-n', len(report.modules), lang)}, "
                             f"{tn('report.outcomes-n', outcomes, lang)}"),
        (s("file", lang), report.file),
    ]


def _verdict(report: CourseReport, lang: Lang) -> tuple[str, str]:
    if not report.sets:
        return s("not_compliant", lang), s("no_sets", lang)
    if report.compliant:
        return s("compliant", lang), s("compliant_text", lang, sets=", ".join(x.id for x in report.sets))
    failed = ", ".join(x.id for x in report.sets if not x.met)
    return s("not_compliant", lang), s("not_compliant_text", lang, sets=failed)


def _value(value: Any, lang: Lang, field: str | None) -> str:
    """A course value as the reader's language names it: a level's label, yes/no; otherwise as given."""
    if isinstance(value, bool):
        return s("yes" if value else "no", lang)
    key = f"{field}.{value}"
    return t(key, lang) if key in catalogue()[lang] else str(value)


#: Course fields a condition names, as the report says them (other fields show as written in the course file).
FIELD_NAMES = {"level": "report.field.level", "mode.dual": "report.field.mode.dual"}


def _field_name(field: str | None, lang: Lang) -> str:
    return t(FIELD_NAMES[field], lang) if field in FIELD_NAMES else str(field)


def _condition_detail(c: ConditionResult, lang: Lang) -> str:
    if c.rule == "covers-all":
        covered = sum(i.covered for i in c.items)
        return s("covered_count", lang, c=covered, t=len(c.items))
    expected = (_value(c.expected[0], lang, c.field) if len(c.expected) == 1
                else s("one_of", lang, values=", ".join(_value(e, lang, c.field) for e in c.expected)))
    field = _field_name(c.field, lang)
    if c.actual is None:
        return s("field_missing", lang, field=field, expected=expected)
    return s("field_is", lang, field=field, value=_value(c.actual, lang, c.field), expected=expected)


def _refs(item: ItemCoverage) -> str:
    return ", ".join(f"{r.module}/{r.outcome}" for r in item.covered_by)


def _kind(text: Text, lang: Lang) -> str:
    """The text-kind label as the pages show it, in lower case inside a sentence ("our summary")."""
    return t(f"kind.{text.kind(lang)}", lang).lower()


def _indirect(rs: SetResult) -> list[ItemCoverage]:
    return [i for c in rs.conditions for i in c.items if not i.covered and i.indirect]


# ---------------------------------------------------------------- text


def _wrap(text: str, indent: int, first: str = "") -> list[str]:
    pad = " " * indent
    return textwrap.wrap(text, WIDTH, initial_indent=first.ljust(indent) if first else pad,
                         subsequent_indent=pad, break_on_hyphens=False, break_long_words=False) or [first]


def _text(report: CourseReport, lang: Lang) -> str:
    title = s("title", lang)
    lines = [title.upper(), "=" * len(title), ""]
    width = max(len(label) for label, _v in _facts(report, lang)) + 2
    for label, value in _facts(report, lang):
        lines.extend(_wrap(value, width, label))
    word, why = _verdict(report, lang)
    verdict = _wrap(f"{s('verdict', lang)}: {word}: {why}", 2)
    lines += ["", verdict[0].lstrip(), *verdict[1:]]
    for rs in report.sets:
        state = s("met" if rs.met else "not_met", lang).upper()
        heading = f"{rs.id}: {rs.title.get(lang)}: {state}"
        lines += ["", *textwrap.wrap(heading, WIDTH), "-" * min(len(heading), WIDTH)]
        lines.append(f"{s('source', lang)} ({_kind(rs.source, lang)}):")
        lines.extend(_wrap(rs.source.get(lang), 2))
        lines += ["", s("conditions", lang) + ":"]
        mark_width = max(len(s("met", lang)), len(s("not_met", lang))) + 5
        for c in rs.conditions:
            mark = f"  [{s('met' if c.met else 'not_met', lang)}]".ljust(mark_width + 1)
            lines.append(f"{mark}{c.id}")
            lines.extend(_wrap(f"{c.statement.get(lang)} ({_kind(c.statement, lang)})", len(mark)))
            if c.quote is not None:
                lines.extend(_wrap(f"{s('quote', lang)}: “{c.quote.get(lang)}” ({_kind(c.quote, lang)})", len(mark)))
            lines.extend(_wrap("→ " + _condition_detail(c, lang), len(mark)))
        for c in rs.conditions:
            label_width = max((len(i.label) for i in c.items), default=1) + 4
            for group in c.groups:
                lines += ["", f"{group.title.get(lang)} ({group.id}):"]
                for i in (i for i in c.items if i.group == group.id):
                    value = _refs(i) if i.covered else s("not_covered", lang).upper()
                    if i.indirect:
                        value += f" ({s('only_indirect', lang)})"
                    lines.extend(_wrap(value, label_width + 2, f"  {i.label}"))
        indirect = _indirect(rs)
        if indirect:
            lines += ["", s("indirect_title", lang) + ":"]
            lines.extend(_wrap(s("indirect_intro", lang), 2))
            for i in indirect:
                lines.append(f"  {i.item}")
                for d in i.indirect:
                    lines.extend(_wrap(s("indirect_row", lang, relation=d.relation_label.get(lang).lower(),
                                         via=d.via, outcome=f"{d.module}/{d.outcome}"), 6))
    if report.sets:
        lines += ["", s("refs", lang)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- Markdown

def _markdown(report: CourseReport, lang: Lang) -> str:
    out = [f"# {s('title', lang)}", "", "| | |", "|---|---|"]
    out.extend(f"| {label} | {mk.text(value)} |" for label, value in _facts(report, lang))
    word, why = _verdict(report, lang)
    out += ["", f"**{s('verdict', lang)}: {word}**: {mk.text(why)}"]
    for rs in report.sets:
        state = s("met" if rs.met else "not_met", lang)
        out += ["", f"## {mk.text(rs.id)}: {mk.text(rs.title.get(lang))}: {state}", "",
                f"{s('source', lang)}: {mk.text(rs.source.get(lang))} _({_kind(rs.source, lang)})_", "",
                f"| {s('condition', lang)} | {s('result', lang)} | {s('details', lang)} |", "|---|---|---|"]
        for c in rs.conditions:
            result = s("met" if c.met else "not_met", lang)
            if not c.met:
                result = f"**{result}**"
            quote = (f"<br>{s('quote', lang)}: “{mk.text(c.quote.get(lang))}” _({_kind(c.quote, lang)})_"
                     if c.quote is not None else "")
            statement = f"{mk.text(c.statement.get(lang))} _({_kind(c.statement, lang)})_{quote}"
            out.append(f"| `{c.id}`: {statement} | {result} | {mk.text(_condition_detail(c, lang))} |")
        for c in rs.conditions:
            for group in c.groups:
                out += ["", f"### {mk.text(group.title.get(lang))} ({mk.text(group.id)})", "",
                        f"| {s('item', lang)} | {s('statement', lang)} | {s('covered_by', lang)} |", "|---|---|---|"]
                for i in (i for i in c.items if i.group == group.id):
                    by = mk.text(_refs(i)) if i.covered else f"**{s('not_covered', lang)}**"
                    if i.indirect:
                        by += f" ({s('only_indirect', lang)})"
                    statement = f"{mk.text(i.statement.get(lang))} _({_kind(i.statement, lang)})_"
                    out.append(f"| {mk.text(i.label)} | {statement} | {by} |")
        indirect = _indirect(rs)
        if indirect:
            out += ["", f"### {s('indirect_title', lang)}", "", mk.text(s("indirect_intro", lang)), "",
                    f"| {s('item', lang)} | {s('via', lang)} | {s('relation', lang)} | {s('outcome', lang)} |",
                    "|---|---|---|---|"]
            for i in indirect:
                for d in i.indirect:
                    out.append(f"| `{i.item}` | `{d.via}` | {mk.text(d.relation_label.get(lang))} | "
                               f"{mk.text(f'{d.module}/{d.outcome}')} |")
    if report.sets:
        out += ["", mk.text(s("refs", lang))]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- JSON


def _text_data(text: Text) -> dict[str, Any]:
    return {"en": text.en, "nl": text.nl, "kind": {"en": text.kind_en, "nl": text.kind_nl}}


def as_data(report: CourseReport) -> dict[str, Any]:
    """The report as plain data (the JSON format)."""
    mode: dict[str, Any] = {"dual": report.dual}
    if report.practice_hours is not None:
        mode["practice_hours"] = report.practice_hours
    if report.training_hours is not None:
        mode["training_hours"] = report.training_hours
    if report.off_the_job_hours is not None:
        mode["off_the_job_hours"] = report.off_the_job_hours
    if report.duration_months is not None:
        mode["duration_months"] = report.duration_months
    return {
        "file": report.file,
        "compliant": report.compliant,
        "course": {
            "provider": report.provider, "programme": report.programme, "version": report.version,
            "level": report.level, "mode": mode, "language": report.language,
            "modules": [{"id": m.id, "title": m.title,
                         "outcomes": [{"id": o.id, "text": o.text, "covers": list(o.covers)} for o in m.outcomes]}
                        for m in report.modules],
        },
        "requirement_sets": [_set_data(rs) for rs in report.sets],
    }


def _set_data(rs: SetResult) -> dict[str, Any]:
    conditions = []
    for c in rs.conditions:
        d: dict[str, Any] = {"id": c.id, "statement": _text_data(c.statement), "rule": c.rule, "met": c.met}
        if c.quote is not None:
            d["quote"] = _text_data(c.quote)
        if c.rule == "covers-all":
            d["groups"] = [g.id for g in c.groups]
            d["covered"] = sum(i.covered for i in c.items)
            d["total"] = len(c.items)
            d["uncovered"] = list(c.uncovered)
            d["items"] = [{
                "id": i.item, "label": i.label, "group": i.group, "covered": i.covered,
                "covered_by": [{"module": r.module, "outcome": r.outcome} for r in i.covered_by],
                "indirect": [{"via": x.via, "relation": x.relation, "module": x.module, "outcome": x.outcome}
                             for x in i.indirect],
            } for i in c.items]
        else:
            d.update({"field": c.field, "actual": c.actual, "expected": list(c.expected)})
        conditions.append(d)
    return {"id": rs.id, "framework": rs.framework, "title": _text_data(rs.title), "source": _text_data(rs.source),
            "met": rs.met, "conditions": conditions}
