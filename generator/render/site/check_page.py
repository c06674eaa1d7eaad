"""The course check page (courses/check/): the steps in words, the requirement set ids to name as targets, the
form the browser engine (docs/assets/javascripts/course-check/) fills in, and the data it reads (data.json)."""

from __future__ import annotations

from pathlib import Path

from generator.course.bundle import bundle_json
from generator.course.reopen import REPORT_COMMAND
from generator.editions.impact import History
from generator.model.types import Lang, Model
from generator.render import markup as mk
from generator.render.strings import t

PAGE = "courses/check"
DATA = "courses/check/data"
SCRIPT = "assets/javascripts/course-check/page.js"


def check_page(model: Model, lang: Lang, header: str) -> str:
    """The page's Markdown source in `lang` (the script path is relative to the published page)."""
    up = "../../" if lang == "en" else "../../../"
    sets = [
        f"| {mk.text(t('check.set-id', lang))} | {mk.text(t('check.set-title', lang))} |",
        "|---|---|",
        *(f"| `{r.id}` | {mk.text(r.title.get(lang))} |" for r in model.requirement_sets),
    ]
    form = [
        '<div class="cr-check" data-cr-check data-bundle="data.json" data-root="../../" '
        f'data-failed="{mk.attr(t("check.start-failed", lang))}">',  # said when data.json cannot be read
        f'<p><label for="cr-file">{mk.html_text(t("check.file-label", lang))}</label><br>',
        '<input type="file" id="cr-file" accept=".yaml,.yml,.xlsx,.json" disabled></p>',
        f'<div id="cr-drop" class="cr-drop">{mk.html_text(t("check.drop", lang))}</div>',
        f'<p id="cr-status" role="status" aria-live="polite">{mk.html_text(t("check.loading", lang))}</p>',
        '<div id="cr-output"></div>',
        "</div>",
        f"<noscript><p>{mk.html_text(t('check.noscript', lang))}</p></noscript>",
        f'<script type="module" src="{up}{SCRIPT}"></script>',
    ]
    title = t("check.title", lang)
    return "\n".join(
        [
            header,
            f"title: {mk.yaml_title(title)}",
            "---",
            "",
            f"# {mk.text(title)}",
            "",
            mk.text(t("check.intro", lang)).replace(r"\`coachref course\`", "`coachref course`"),
            "",
            f"## {mk.text(t('check.steps', lang))}",
            "",
            f"1. {mk.link(t('check.step-download', lang), '../downloads.md')}",
            f"2. {mk.text(t('check.step-fill', lang))}",
            "",
            *["    " + line for line in sets],
            "",
            f"3. {mk.text(t('check.step-check', lang))}",
            "",
            mk.text_with(t("check.reopen-intro", lang), command=mk.code(REPORT_COMMAND)),
            "",
            *form,
            "",
        ]
    )


def check_files(model: Model, root: Path, header: str, history: History | None = None) -> dict[str, str]:
    """The page in both languages and its data file (one copy per language folder)."""
    data = bundle_json(model, root, history)
    files = {f"{PAGE}.{lang}.md": check_page(model, lang, header) for lang in ("en", "nl")}
    files.update({f"{DATA}.{lang}.json": data for lang in ("en", "nl")})
    return files
