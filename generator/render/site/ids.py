"""The stable id of an item, shown on its page and its group page with a copy button, so a course file can name
it without guessing (the button is shown only when docs/assets/javascripts/copy-id.js runs)."""

from __future__ import annotations

from generator.model.types import Item, Lang
from generator.render import markup as mk
from generator.render.strings import t


def id_line(item: Item, lang: Lang) -> list[str]:
    """A paragraph of raw HTML: 'Id: ST0809:K5 [Copy id]'."""
    button = mk.el(
        "button",
        t("copy-id", lang),
        type="button",
        class_="cr-copy md-button",
        hidden=True,
        data_copy=item.id,
        data_copied=t("copied", lang),
        aria_label=t("copy-id-of", lang, id=item.id),
        data_search_exclude=True,  # the button's words are no content: search snippets leave them out
    )
    line = mk.el("p", f"{t('item-id', lang)}: ", mk.el("code", item.id), " ", button, class_="cr-id")
    return [str(line), ""]
