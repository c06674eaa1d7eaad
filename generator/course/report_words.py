"""The words of a course report that every format shares: the facts of the course, the state of a set and of each
condition, the evidence and indirect cover of an item, quotes of the source (render.py lays them out as text or
Markdown; the check page's page.js says the same)."""

from __future__ import annotations

from typing import Any

from generator.course.report_data import edition_words, expected_words, value_label
from generator.model.types import Lang
from generator.render.strings import t, tn


def s(key: str, lang: Lang, **values: object) -> str:
    """One interface string of the report (catalogue key `report.<key>`) in `lang`."""
    return t(f"report.{key.replace('_', '-')}", lang, **values)


def _mode(mode: dict[str, Any], lang: Lang) -> str:
    parts = [s("dual" if mode["dual"] else "not_dual", lang)]
    if "practice_hours" in mode:
        parts.append(s("practice_hours", lang, n=mode["practice_hours"]))
    if "training_hours" in mode:
        parts.append(s("training_hours", lang, n=mode["training_hours"]))
    if "off_the_job_hours" in mode:
        parts.append(s("off_the_job_hours", lang, n=mode["off_the_job_hours"]))
    if "duration_months" in mode:
        parts.append(s("duration_months", lang, n=mode["duration_months"]))
    return "; ".join(parts)


def used_frameworks(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The frameworks of the data edition that the report rests on: those of the applied sets and of the items the
    course covers (every framework when it names none of them). page.js usedFrameworks says the same."""
    used = {rs["framework"] for rs in data["requirement_sets"]}
    used |= {ref.split(":", 1)[0] for m in data["course"]["modules"] for o in m["outcomes"] for ref in o["covers"]}
    found = [f for f in data["edition"]["frameworks"] if f["id"] in used]
    return found or list(data["edition"]["frameworks"])


def facts(data: dict[str, Any], lang: Lang) -> list[tuple[str, str]]:
    """The table under the verdict: what was checked, against which data, when."""
    course = data["course"]
    outcomes = sum(len(m["outcomes"]) for m in course["modules"])
    titles = {s_["id"]: s_["title"][lang] for s_ in data["requirement_sets"]}
    titles.update({n["id"]: n["title"][lang] for n in data["not_applied"]})
    edition = data["edition"]
    versions = ", ".join(f"{f['name'][lang]} {f['version']}" for f in used_frameworks(data))
    return [
        (s("programme", lang), course["programme"]),
        (s("provider", lang), course["provider"]),
        (t("version", lang), course["version"]),
        (t("level", lang), value_label("level", course["level"], lang)),
        (s("mode", lang), _mode(course["mode"], lang)),
        (
            s("modules", lang),
            f"{tn('report.modules-n', len(course['modules']), lang)}, {tn('report.outcomes-n', outcomes, lang)}",
        ),
        (s("targets", lang), ", ".join(titles.get(x, x) for x in course["targets"]) or s("no_targets", lang)),
        (t("file", lang), data["file"]),
        (s("file_sha256", lang), data["file_sha256"]),
        (s("checked", lang), data["checked"]),
        (
            s("edition", lang),
            s(
                "edition_value",
                lang,
                edition=edition_words(edition, lang),
                frameworks=versions,
                hash=edition["standards"],
            ),
        ),
    ]  # the edition last: the Markdown links its words to the editions page


def detail(c: dict[str, Any], lang: Lang) -> str:
    """The finding under a condition: items covered, or the course's value beside the required one."""
    if c["rule"] == "covers-all":
        return s("covered_count", lang, c=c["covered"], t=c["total"])
    actual = "—" if c["actual"] is None else value_label(c["field"], c["actual"], lang)
    return s("field_value", lang, value=actual, expected=expected_words(c, lang))


def evidence(ref: dict[str, str], lang: Lang) -> str:
    return s(
        "evidence_row",
        lang,
        module=ref["module_title"],
        module_id=ref["module"],
        outcome=ref["outcome"],
        text=ref["outcome_text"],
    )


def indirect(x: dict[str, Any], lang: Lang) -> str:
    return s(
        "indirect_explained",
        lang,
        outcome=x["outcome"],
        module=x["module_title"],
        via=x["via_name"][lang],
        relation=x["relation_label"][lang].lower(),
    )


def quote(text: dict[str, Any], lang: Lang) -> str:
    """The source's own words a condition rests on: 'In the source's words: “…” (official wording)'."""
    return f"{s('quote', lang)}: “{text[lang]}” ({kind(text, lang)})"


def _state(met: bool, lang: Lang) -> str:
    return s("met" if met else "not_met", lang)


def condition_state(c: dict[str, Any], lang: Lang) -> str:
    """met, not met, or (an unmet inference of ours) to review."""
    return _state(True, lang) if c["met"] else s("to_review" if c["basis"] == "inference" else "not_met", lang)


def set_state(rs: dict[str, Any], lang: Lang) -> str:
    """A set's result for its heading: met or not met, and how many points are to review."""
    state = _state(rs["met"], lang)
    return f"{state}; {s('to_review', lang)}: {len(rs['review'])}" if rs["review"] else state


def basis(c: dict[str, Any], lang: Lang) -> str:
    return s(f"basis.{c['basis']}", lang)


def kind(text: dict[str, Any], lang: Lang) -> str:
    return t(f"kind.{text['kind'][lang]}", lang).lower()


def group_items(c: dict[str, Any]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    return [(g, [i for i in c["items"] if i["group"] == g["id"]]) for g in c["groups"]]
