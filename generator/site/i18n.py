"""Interface strings of the generated pages, in English and Dutch: one table, looked up by key."""

from __future__ import annotations

from ..model import Lang

#: key -> (English, Dutch). Data values (statuses, kinds, confidences) are keyed "<field>.<value>".
STRINGS: dict[str, tuple[str, str]] = {
    # text kinds: the badge on every text
    "kind.official": ("Official wording", "Officiële tekst"),
    "kind.translation": ("Our translation", "Onze vertaling"),
    "kind.summary": ("Our summary", "Onze samenvatting"),
    "kind-note.official": ("This is the publisher's own wording.", "Dit is de tekst van de uitgever zelf."),
    "kind-note.translation": ("This is our translation; the official wording is in the official source.",
                              "Dit is onze vertaling; de officiële tekst staat in de officiële bron."),
    "kind-note.summary": ("This is our own summary, not the official wording; that is in the official source.",
                          "Dit is onze eigen samenvatting, niet de officiële tekst; die staat in de officiële bron."),
    "official-source": ("official source", "officiële bron"),
    "official-wording-in": ("The official wording, in {language}:", "De officiële tekst, in het {language}:"),
    # framework status
    "status.approved": ("approved", "goedgekeurd"),
    "status.in-revision": ("in revision", "in herziening"),
    "status.superseded": ("superseded", "vervangen"),
    "status.withdrawn": ("withdrawn", "ingetrokken"),
    "status.published": ("published", "gepubliceerd"),
    # item status
    "item-status.not-yet-available": ("Not yet available: the official wording of this item is not yet in our "
                                      "data.", "Nog niet beschikbaar: de officiële tekst van dit onderdeel staat "
                                      "nog niet in onze gegevens."),
    "not-yet-available": ("not yet available", "nog niet beschikbaar"),
    # confidence
    "confidence": ("Confidence", "Betrouwbaarheid"),
    "confidence.confirmed": ("confirmed by the official source", "bevestigd door de officiële bron"),
    "confidence.partly-confirmed": ("partly confirmed", "deels bevestigd"),
    "confidence.single-source": ("from a single source", "uit één bron"),
    "confidence.inferred": ("our inference", "onze afleiding"),
    "confidence.missing": ("missing", "ontbreekt"),
    # downloads and course reports
    "downloads": ("Downloads", "Downloads"),
    "downloads-intro": ("Every framework and crosswalk as files, made from the same data as these pages, each "
                        "time the site is built. No login, no e-mail address needed.",
                        "Elk kader en elke koppeltabel als bestand, gemaakt uit dezelfde gegevens als deze pagina's, "
                        "bij elke bouw van de site. Zonder inloggen, zonder e-mailadres."),
    "file": ("File", "Bestand"),
    "size": ("Size", "Grootte"),
    "licences": ("Licences", "Licenties"),
    "courses": ("Course compliance", "Toetsing van opleidingen"),
    "courses-intro": ("Check your own programme: describe it in a course file (download the template on the "
                      "Downloads page), then run `coachref course your-course.yaml` in a copy of this project. "
                      "The report says whether every eindterm is covered, whether the programme is dual and at HBO "
                      "level. Two worked examples, checked when this site was built:",
                      "Toets uw eigen opleiding: beschrijf haar in een cursusbestand (sjabloon op de pagina "
                      "Downloads) en voer `coachref course uw-opleiding.yaml` uit in een kopie van dit project. Het "
                      "rapport zegt of elke eindterm gedekt is, en of de opleiding duaal is en op hbo-niveau. Twee "
                      "uitgewerkte voorbeelden, getoetst bij de bouw van deze site:"),
    # languages
    "lang.en": ("English", "Engels"),
    "lang.nl": ("Dutch", "Nederlands"),
    # page furniture
    "frameworks": ("Frameworks", "Kaders"),
    "frameworks-intro": ("The competence frameworks in this reference. Each has an overview, an index per part "
                         "and a page per item.", "De competentiekaders in dit naslagwerk. Elk kader heeft een "
                         "overzicht, een index per onderdeel en een pagina per item."),
    "overview": ("Overview", "Overzicht"),
    "publisher": ("Publisher", "Uitgever"),
    "reference": ("Reference", "Referentie"),
    "version": ("Version", "Versie"),
    "status": ("Status", "Status"),
    "level": ("Level", "Niveau"),
    "date": ("Date", "Datum"),
    "official-languages": ("Official language", "Officiële taal"),
    "licence": ("Licence and attribution", "Licentie en naamsvermelding"),
    "sources": ("Sources", "Bronnen"),
    "completeness": ("What is complete and what is not", "Wat compleet is en wat niet"),
    "facts": ("Facts", "Gegevens"),
    "contents": ("Contents", "Inhoud"),
    "items": ("items", "items"),
    "views": ("Other views", "Andere weergaven"),
    "side-by-side": ("Side by side (English | Dutch)", "Naast elkaar (Engels | Nederlands)"),
    "side-by-side-intro": ("Every text of this framework in both languages, with the kind of each text.",
                           "Elke tekst van dit kader in beide talen, met het soort tekst."),
    "item": ("Item", "Item"),
    "checklist": ("KSB checklist for apprentices", "KSB-checklist voor apprentices"),
    "checklist-intro": ("Tick each knowledge, skill and behaviour statement when you can show it, and note your "
                        "evidence. Print this page on A4.", "Vink elke kennis-, vaardigheids- en "
                        "gedragsomschrijving af zodra je die kunt aantonen, en noteer je bewijs. Druk deze pagina "
                        "af op A4."),
    "done": ("Done", "Klaar"),
    "statement": ("Statement", "Omschrijving"),
    "evidence": ("Evidence notes", "Notities over bewijs"),
    "tick": ("tick when done", "afvinken als klaar"),
    "glossary": ("Glossary", "Begrippenlijst"),
    "glossary-intro": ("Definitions from the frameworks' own definition lists. Terms are linked from the pages "
                       "where they appear.", "Definities uit de begrippenlijsten van de kaders zelf. Begrippen "
                       "zijn gelinkt vanaf de pagina's waar ze voorkomen."),
    "glossary-from": ("From", "Uit"),
    "part-of": ("Part of", "Onderdeel van"),
    "theories": ("Named theories and models", "Genoemde theorieën en modellen"),
    "details": ("Details", "Details"),
    "note": ("Note", "Opmerking"),
    "related": ("Related items", "Verwante items"),
    "rel.ksbs": ("Knowledge, skills and behaviours of this duty", "Kennis, vaardigheden en gedrag bij deze taak"),
    "rel.assesses": ("Assessed by this method", "Beoordeeld met deze methode"),
    "rel.duties": ("Duties that need this", "Taken waarvoor dit nodig is"),
    "rel.methods": ("Assessed in these end-point assessment methods", "Beoordeeld in deze eindassessmentmethoden"),
    "rel.parent": ("Part of", "Onderdeel van"),
    "rel.children": ("Points", "Punten"),
    "links-confidence": ("Confidence of these links", "Betrouwbaarheid van deze koppelingen"),
    "mappings": ("Mappings to other frameworks", "Koppelingen met andere kaders"),
    "mappings-intro": ("Typed relations between items of two frameworks, each with its rationale and review.",
                       "Getypeerde relaties tussen items van twee kaders, elk met onderbouwing en review."),
    "no-mappings": ("No mappings have been published yet.", "Er zijn nog geen koppelingen gepubliceerd."),
    "relations": ("Kinds of relation", "Soorten relaties"),
    "relation": ("Relation", "Relatie"),
    "source-item": ("From", "Van"),
    "target-item": ("To", "Naar"),
    "rationale": ("Rationale", "Onderbouwing"),
    "reviewed": ("Reviewed", "Beoordeeld"),
    "mapping-out": ("this item", "dit item"),
    "no-related": ("No related items are recorded yet.", "Er zijn nog geen verwante items vastgelegd."),
    "see-item": ("Open the page of", "Open de pagina van"),
    "official-page": ("Official page", "Officiële pagina"),
    "register-conditions": ("Conditions", "Voorwaarden"),
    "requirement-source": ("Source of these conditions", "Bron van deze voorwaarden"),
    # crosswalks, matrices, coverage
    "site-name": ("Coaching standards reference", "Naslagwerk coachingstandaarden"),
    "crosswalk": ("Crosswalk", "Koppeltabel"),
    "crosswalks": ("Crosswalks", "Koppeltabellen"),
    "crosswalk-reads": ("Each row reads: the {right} item is in the stated relation to the {left} item (in the "
                        "definitions of the relations, the left column is the source and the right column the "
                        "target). Filter the table by relation or by group, or sort it by a column; on paper it "
                        "prints on landscape A4 with the versions and sources on every page.",
                        "Elke regel leest: het item van {right} staat in de genoemde relatie tot het item van "
                        "{left} (in de definities van de relaties is de linkerkolom de bron en de rechterkolom het "
                        "doel). Filter de tabel op relatie of onderdeel, of sorteer op een kolom; op papier wordt "
                        "hij afgedrukt op liggend A4 met de versies en bronnen op elke pagina."),
    "crosswalk-other-way": ("The same crosswalk read the other way", "Dezelfde koppeltabel andersom gelezen"),
    "crosswalk-caption": ("{n} mappings from {left} to {right}", "{n} koppelingen van {left} naar {right}"),
    "mappings-table": ("Mappings", "Koppelingen"),
    "method": ("How these mappings were made", "Hoe deze koppelingen zijn gemaakt"),
    "without-counterpart": ("Without counterpart", "Zonder tegenhanger"),
    "without-counterpart-intro": ("These items of {left} were compared with {right} and have no counterpart there: "
                                  "a finding, not an omission.",
                                  "Deze items van {left} zijn vergeleken met {right} en hebben daar geen "
                                  "tegenhanger: een bevinding, geen weglating."),
    "all-mapped": ("Every compared item has at least one mapping.",
                   "Elk vergeleken item heeft minstens één koppeling."),
    "filter-all": ("all", "alle"),
    "filter-count": ("Showing {shown} of {total} mappings.", "{shown} van de {total} koppelingen getoond."),
    "group": ("Group", "Onderdeel"),
    "matrix": ("Matrix", "Matrix"),
    "matrix-other-way": ("The same matrix the other way round", "Dezelfde matrix andersom"),
    "matrix-intro": ("One row per {left} item, one column per compared group of {right}. Each cell names the {right} "
                     "items mapped to the row's item, with the mark of the relation; the darker the cell, the more "
                     "mappings.",
                     "Eén rij per item van {left}, één kolom per vergeleken onderdeel van {right}. Elke cel noemt de "
                     "items van {right} die aan het item van de rij gekoppeld zijn, met het teken van de relatie; "
                     "hoe donkerder de cel, hoe meer koppelingen."),
    "total": ("Total", "Totaal"),
    "coverage": ("Coverage and gaps", "Dekking en lacunes"),
    "coverage-intro": ("For each crosswalk, how many items of each framework have a counterpart in the other, "
                       "counted by the strongest relation each item has, and which items have none. Only the groups "
                       "that were compared item by item are counted.",
                       "Per koppeltabel: hoeveel items van elk kader een tegenhanger hebben in het andere, geteld "
                       "naar de sterkste relatie die elk item heeft, en welke items er geen hebben. Alleen de "
                       "onderdelen die item voor item zijn vergeleken, tellen mee."),
    "coverage-overall": ("Overall", "Totaal per kader"),
    "coverage-side": ("{framework} covered by {counterpart}", "{framework} gedekt door {counterpart}"),
    "framework": ("Framework", "Kader"),
    "compared-with": ("Compared with", "Vergeleken met"),
    "items-compared": ("Items compared", "Vergeleken items"),
    "items-count": ("Items", "Items"),
    "items-mapped": ("Mapped", "Gekoppeld"),
    "share": ("Share mapped", "Aandeel gekoppeld"),
    "not-mapped": ("Not mapped", "Niet gekoppeld"),
    "not-mapped-items": ("Items without counterpart", "Items zonder tegenhanger"),
    "all-compared": ("All compared groups", "Alle vergeleken onderdelen"),
    "chart-title": ("Chart: {heading}, items per group by strongest relation",
                    "Grafiek: {heading}, items per onderdeel naar sterkste relatie"),
    "chart-caption": ("Each bar is one group; coloured parts are items by their strongest relation, grey is not "
                      "mapped. The table above gives the same numbers.",
                      "Elke balk is één onderdeel; gekleurde delen zijn items naar hun sterkste relatie, grijs is "
                      "niet gekoppeld. De tabel hierboven geeft dezelfde aantallen."),
    "ksbs": ("KSBs", "KSB's"),
    "link-matrix-intro": ("Which knowledge, skills and behaviours belong to each item of {group}, from the data of "
                          "this reference. Where the official table is not yet in our data, the column says so.",
                          "Welke kennis, vaardigheden en gedragingen bij elk item van {group} horen, volgens de "
                          "gegevens van dit naslagwerk. Waar de officiële tabel nog niet in onze gegevens staat, zegt "
                          "de kolom dat."),
    "link-yes": ("linked", "gekoppeld"),
    "link-inferred": ("linked by our inference, not yet confirmed",
                      "gekoppeld volgens onze afleiding, nog niet bevestigd"),
    "link-unknown": ("not yet known: the official table is not in our data",
                     "nog onbekend: de officiële tabel staat niet in onze gegevens"),
    "sources-attribution": ("Sources and attribution", "Bronnen en naamsvermelding"),
    "link-no": ("not linked", "niet gekoppeld"),
    "not-yet-known": ("not yet known", "nog onbekend"),
    "print-versions": ("Versions", "Versies"),
    "print-data-date": ("Data as of", "Gegevens per"),
    "print-reviewed": ("Mappings reviewed by", "Koppelingen beoordeeld door"),
    "breadcrumb": ("You are here", "U bent hier"),
}


def t(key: str, lang: Lang) -> str:
    """The interface string `key` in `lang`; a missing key is a programming error (KeyError)."""
    en, nl = STRINGS[key]
    return en if lang == "en" else nl


def t_or(key: str, lang: Lang, fallback: str) -> str:
    """The interface string `key` in `lang`, or `fallback` (for data values without a translation)."""
    return t(key, lang) if key in STRINGS else fallback
