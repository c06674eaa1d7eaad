"""A compliance report as plain data (the JSON format), with the verdict phrased in both languages: what every
other rendering (text, Markdown, the check page in the browser) is drawn from."""

from __future__ import annotations

from typing import Any

from generator.course.results import ConditionResult, CourseReport, ItemCoverage, Ref, SetResult
from generator.model.types import LANGUAGES, Label, Lang, Text
from generator.render.strings import catalogue, t, tn

FORMAT = "coachref-course-report/2"
#: Keys looked up by a name made from the data (a field, why a set was applied), in both engines: written out here so
#: that a reader (and tests/test_strings.py, which fails on a key nothing names) sees them used.
DYNAMIC_KEYS = (
    "report.gap.mode.dual",
    "report.gap.level",
    "report.field.mode.dual",
    "report.field.level",
    "report.field.mode.practice_hours",
    "report.gap.mode.practice_hours",
    "report.applied-target",
    "report.applied-asked",
    "report.applied-covers",
    "report.basis.condition",
    "report.basis.inference",
)


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
    meta = report.meta
    sets = [_set_data(rs) for rs in report.sets]
    data: dict[str, Any] = {
        "format": FORMAT,
        "file": meta.file,
        "file_sha256": meta.sha256,
        "checked": meta.checked,
        "edition": meta.edition.as_data(),
        "compliant": report.compliant,
        "course": {
            "provider": report.provider,
            "programme": report.programme,
            "version": report.version,
            "level": report.level,
            "mode": mode,
            "language": report.language,
            "targets": list(report.targets),
            "modules": [
                {
                    "id": m.id,
                    "title": m.title,
                    "outcomes": [{"id": o.id, "text": o.text, "covers": list(o.covers)} for o in m.outcomes],
                }
                for m in report.modules
            ],
        },
        "requirement_sets": sets,
        "not_applied": [{"id": sid, "title": text_data(title)} for sid, title in report.not_applied],
        "broad_outcomes": [{"module": b.module, "outcome": b.outcome, "count": b.count} for b in report.broad],
    }
    data["verdict"] = {lang: verdict(data, lang) for lang in LANGUAGES}
    return data


def text_data(text: Text) -> dict[str, Any]:
    return {"en": text.en, "nl": text.nl, "kind": {"en": text.kind_en, "nl": text.kind_nl}}


def label_data(label: Label) -> dict[str, str]:
    return {"en": label.en, "nl": label.nl}


def _ref(r: Ref) -> dict[str, str]:
    return {"module": r.module, "module_title": r.module_title, "outcome": r.outcome, "outcome_text": r.outcome_text}


def _item(i: ItemCoverage) -> dict[str, Any]:
    return {
        "id": i.item,
        "label": i.label,
        "name": label_data(i.name),
        "url": i.url,
        "group": i.group,
        "statement": text_data(i.statement),
        "subpoints": [text_data(p) for p in i.subpoints],
        "covered": i.covered,
        "covered_by": [_ref(r) for r in i.covered_by],
        "indirect": [
            {
                "via": x.via,
                "via_name": label_data(x.via_name),
                "via_url": x.via_url,
                "relation": x.relation,
                "relation_label": label_data(x.relation_label),
                **_ref(x.ref),
            }
            for x in i.indirect
        ],
    }


def _condition(c: ConditionResult) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": c.id,
        "statement": text_data(c.statement),
        "basis": c.basis,
        "rule": c.rule,
        "met": c.met,
    }
    if c.quote is not None:
        d["quote"] = text_data(c.quote)
    if c.rule == "covers-all":
        d["groups"] = [{"id": g.id, "title": text_data(g.title)} for g in c.groups]
        d["covered"] = sum(i.covered for i in c.items)
        d["total"] = len(c.items)
        d["uncovered"] = list(c.uncovered)
        d["items"] = [_item(i) for i in c.items]
    else:
        d.update({"field": c.field, "actual": c.actual, "expected": list(c.expected)})
    return d


def _set_data(rs: SetResult) -> dict[str, Any]:
    return {
        "id": rs.id,
        "framework": rs.framework,
        "title": text_data(rs.title),
        "source": text_data(rs.source),
        "because": rs.because,
        "met": rs.met,
        "review": [c.id for c in rs.to_review],
        "conditions": [_condition(c) for c in rs.conditions],
    }


# ---------------------------------------------------------------- phrases (the browser mirrors these)


def join_words(words: list[str], lang: Lang, key: str = "report.and") -> str:
    """'A', 'A and B', 'A, B and C' (en/nl)."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {t(key, lang)} " + words[-1]


def value_label(field: str | None, value: Any, lang: Lang) -> str:
    """A course value in words: yes/no, a level's label, or the value itself."""
    if isinstance(value, bool):
        return t("report.yes" if value else "report.no", lang)
    if field == "level" and f"level.{value}" in catalogue()[lang]:
        return t(f"level.{value}", lang)
    return str(value)


def expected_words(c: dict[str, Any], lang: Lang) -> str:
    if c["rule"] == "field-at-least":
        return t("report.at-least", lang, n=c["expected"][0])
    return join_words([value_label(c["field"], e, lang) for e in c["expected"]], lang, "report.or")


def field_name(field: str, lang: Lang) -> str:
    key = f"report.field.{field}"
    return t(key, lang) if key in catalogue()[lang] else field


def gap(c: dict[str, Any], lang: Lang) -> str:
    """What an unmet condition lacks, in words."""
    if c["rule"] == "covers-all":
        names = [i["name"][lang] for i in c["items"] if not i["covered"]]
        return tn("report.gap-uncovered", len(names), lang, items=join_words(names, lang))
    field, expected = c["field"], expected_words(c, lang)
    if c["actual"] is None:
        return t("report.gap-missing", lang, field=field_name(field, lang), expected=expected)
    value = value_label(field, c["actual"], lang)
    key = f"report.gap.{field}"
    if key in catalogue()[lang]:
        return t(key, lang, value=value, expected=expected)
    return t("report.gap-field", lang, field=field_name(field, lang), value=value, expected=expected)


def edition_words(edition: dict[str, Any], lang: Lang) -> str:
    """'edition 2026-12-05', 'changes made after edition 2026-12-05, …', or 'no edition' (an older report's data)."""
    if edition.get("id"):
        return t("report.edition-id", lang, edition=edition["id"])
    if edition.get("after"):
        return t("report.edition-after", lang, edition=edition["after"])
    return t("report.edition-none", lang)


def verdict(data: dict[str, Any], lang: Lang) -> str:
    """The verdict first, the gaps named: 'Not compliant: Jobfinding j is not covered.', then the points to review.
    Without a named target there is no overall verdict: each applied set is named with its own result."""
    sets = data["requirement_sets"]
    if not sets:
        return t("report.verdict-no-sets", lang)
    review = review_words(data, lang)
    if data["compliant"] is None:
        results = [set_result(rs, lang) for rs in sets]
        head = t("report.verdict-per-set", lang, sets="; ".join(results))
    elif data["compliant"]:
        head = t("report.verdict-compliant", lang, sets=join_words([s["title"][lang] for s in sets], lang))
    else:
        gaps = [gap(c, lang) for s in sets for c in s["conditions"] if c["basis"] == "condition" and not c["met"]]
        head = t("report.verdict-not-compliant", lang, gaps="; ".join(gaps))
    return f"{head} {t('report.review', lang, points='; '.join(review))}" if review else head


def set_result(rs: dict[str, Any], lang: Lang) -> str:
    """One set's result in a sentence part: 'BVJN register: meets its conditions', or what it lacks, item lists as a
    count (engine.js setResult says the same)."""
    if rs["met"]:
        return t("report.set-meets", lang, set=rs["title"][lang])
    gaps = [_count_gap(c, lang) for c in rs["conditions"] if c["basis"] == "condition" and not c["met"]]
    return t("report.set-fails", lang, set=rs["title"][lang], gaps="; ".join(gaps))


def _count_gap(c: dict[str, Any], lang: Lang) -> str:
    """A gap in a per-set result (no target named): an item list as a count ('1 of 57 items covered'), so that a set
    the course only touches is not a list of all it does not cover (ux.md 1); other gaps as gap() words them."""
    if c["rule"] == "covers-all":
        return tn("report.gap-count", c["total"], lang, covered=c["covered"])
    return gap(c, lang)


def review_words(data: dict[str, Any], lang: Lang) -> list[str]:
    """The points to review: unmet inferences (with their set when several sets apply), then broad outcomes."""
    sets = data["requirement_sets"]
    points = [
        gap(c, lang) if len(sets) == 1 else f"{rs['title'][lang]}: {gap(c, lang)}"
        for rs in sets
        for c in rs["conditions"]
        if c["basis"] != "condition" and not c["met"]
    ]
    points += [
        t("report.review-broad", lang, outcome=b["outcome"], module=b["module"], n=b["count"])
        for b in data.get("broad_outcomes", ())
    ]
    return points
