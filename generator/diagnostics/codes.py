"""The one table of problem codes: each code's severity, what is wrong and how to fix it. Every problem carries
one of these codes, and tests/test_invalid_cases.py requires a bad-input case folder for each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    """What a problem code means, in general (each problem's own message and hint say it for the case)."""

    severity: Severity
    wrong: str
    fix: str


_E: Severity = "error"
_W: Severity = "warning"

CODES: dict[str, Code] = {
    # the project's layout and its files
    "no-standards": Code(
        _E, "there is no standards/ folder in the current folder", "run coachref in the project's top folder"
    ),
    "file-name": Code(_E, "a data file ends in .yml", "rename it to .yaml"),
    "file-place": Code(
        _E, "a YAML file where no data file is expected", "move it into a framework folder, or remove it"
    ),
    "not-a-file": Code(_E, "a folder, pipe or device is named *.yaml", "remove or rename it"),
    "broken-symlink": Code(
        _E, "a symlink whose target does not exist", "point the link at an existing file, or delete it"
    ),
    "symlink-outside": Code(
        _E, "a symlink leads out of the project (its target is not read)", "copy the file into the project"
    ),
    "unreadable": Code(_E, "the file cannot be read", "make it readable to whoever runs coachref"),
    "schema-file": Code(
        _E, "a schema in schemas/ is missing, not JSON or not a valid schema", "restore it from version control"
    ),
    "schema-comment": Code(
        _W, "the first line does not name the file's schema", "make it the yaml-language-server line shown"
    ),
    # YAML
    "encoding": Code(_E, "the file is not UTF-8", "save it as UTF-8"),
    "control-character": Code(_E, "a NUL or other control character in the file", "delete the character"),
    "empty-file": Code(_E, "the file is empty", "write the file's content, or delete it"),
    "yaml-syntax": Code(_E, "the file is not valid YAML", "fix the syntax at the place shown"),
    "tab": Code(_E, "a tab in the indentation", "indent with spaces"),
    "duplicate-key": Code(_E, "a key appears twice in one mapping", "keep one of the two entries"),
    "yaml-alias": Code(_E, "an anchor or alias (&, *)", "write the value out in full"),
    "yaml-tag": Code(_E, "a YAML tag (!tag, !!python/...)", "remove the tag"),
    "yaml-multi-doc": Code(_E, "more than one YAML document in the file", "keep one document per file"),
    "yaml-too-deep": Code(_E, "mappings or lists nested over 100 levels", "flatten the structure"),
    "number-too-long": Code(_E, "a whole number written with over 4,300 characters", "write the number you mean"),
    "key-type": Code(_E, "a key that is not text", "write the key as text"),
    # the file's schema
    "missing-property": Code(_E, "a required property is missing", "add it"),
    "schema-violation": Code(
        _E,
        "the value breaks a rule of the file's schema that has no message of its own here",
        "change the value as the validator's message says (the rule is in the file's schema)",
    ),
    "unknown-property": Code(_E, "a property the schema does not know", "fix its spelling, or remove it"),
    "wrong-type": Code(_E, "a value of the wrong type", "write a value of the type named"),
    "invalid-value": Code(_E, "a value outside what the schema allows", "use one of the values named"),
    "invalid-format": Code(_E, "a value in the wrong format (id, date, URL)", "write it in the format shown"),
    "missing-language": Code(_E, "a text lacks one of its languages", "add the text in that language"),
    "empty-language": Code(_E, "a text is empty in one language", "write the text in that language"),
    # rules across files
    "missing-group": Code(_E, "framework.yaml names a group that has no file", "create the file, or remove the name"),
    "unlisted-group": Code(_E, "a group file that framework.yaml does not list", "add its name to groups"),
    "unknown-group": Code(_E, "a group id that the framework does not have", "use one of the groups named"),
    "missing-framework": Code(_E, "a folder of group files without framework.yaml", "add framework.yaml"),
    "id-prefix": Code(
        _E, "an id that does not start with its framework's id", "start it with the framework id and a colon"
    ),
    "duplicate-id": Code(_E, "an id used twice", "give each its own id; published ids are never reused"),
    "id-case-clash": Code(_E, "two ids that differ only in case", "make them differ in more than case"),
    "page-clash": Code(
        _E,
        "two ids of a group would get the same page address (the last part of the id, lower-cased)",
        "make the last parts of the ids differ",
    ),
    "text-kind": Code(_E, "a text's kind does not fit its framework", "mark it as the hint says"),
    "whitespace": Code(_W, "leading, trailing, doubled or special whitespace in a text", "normalise the spaces"),
    "unknown-reference": Code(_E, "a reference to an id that no item has", "use the id of an existing item"),
    "retired-reference": Code(_E, "a reference to an id that was retired", "use its successor, named in the message"),
    "url-dropped": Code(
        _E,
        "a published URL (published-urls.txt) that the site would no longer have",
        "retire the id with replaced_by or a reason, or run coachref urls --update if dropping it is intended",
    ),
    "self-reference": Code(_E, "an item is its own parent", "name another item as parent"),
    "missing-relations": Code(_E, "mapping files without standards/relations.yaml", "restore the relation vocabulary"),
    "unknown-relation": Code(_E, "a relation that the vocabulary does not have", "use one of the relations named"),
    "unknown-framework": Code(_E, "a mapping file names an unknown framework", "use a framework id"),
    "mapping-file-name": Code(_E, "a mapping file not named <source>--<target>.yaml", "rename the file"),
    "outside-compared": Code(
        _E, "a mapped item outside the compared groups", "add its group to compared, or map another"
    ),
    "wrong-framework": Code(_E, "a mapped item of another framework than the file's side", "map an item of that side"),
    "self-mapping": Code(_E, "an item mapped to itself", "relate items of two frameworks"),
    "duplicate-mapping": Code(_E, "a pair of items mapped twice", "keep one row per pair"),
    "contradicting-mapping": Code(_E, "a pair mapped both ways with relations that disagree", "state the pair once"),
    "unmapped-not-compared": Code(
        _E, "an unmapped reason for an item outside the compared groups", "list compared items only"
    ),
    "unmapped-but-mapped": Code(_E, "an item given an unmapped reason that a row maps", "drop the reason or the row"),
    "unmapped-listed-twice": Code(_E, "an item given two unmapped reasons", "give each item one reason"),
    # course workbooks (coachref course file.xlsx)
    "xlsx-unreadable": Code(_E, "the file is not an XLSX workbook", "save it as .xlsx, or use the YAML template"),
    "xlsx-sheet": Code(_E, "the workbook lacks a sheet of the template", "start again from the published template"),
    "xlsx-column": Code(_E, "the outcomes sheet lacks a column of the template", "restore row 1 of the template"),
    "module-title": Code(
        _E,
        "two rows of one module give it different titles",
        "give the module one title, or leave the cell empty after its first row",
    ),
    # limits of one course file, both engines (the numbers: generator/course/limits.py)
    "file-too-large": Code(
        _E, "a course file over the size limit", "check that it is the course file: a real course is far smaller"
    ),
    "too-many-modules": Code(
        _E, "a course file with more modules than the limit", "check that the file holds one course, or split it"
    ),
    "too-many-outcomes": Code(
        _E,
        "a course file with more learning outcomes than the limit",
        "check that the file holds one course, or split it",
    ),
    "xlsx-too-large": Code(
        _E,
        "a workbook that unpacks to more than the limit (a zip bomb)",
        "start from the course template and copy in the course's rows",
    ),
    "xlsx-sheet-too-large": Code(
        _E,
        "a value in a course sheet past the last row or column the limits allow",
        "delete the rows and columns past the last one used, or start from the template",
    ),
    # editions (editions/<id>.json) and the changes declared against them
    "edition-file": Code(
        _E,
        "a file in editions/ cannot be read as an edition",
        "restore it from version control; editions are written by coachref edition freeze, never by hand",
    ),
    "undeclared-change": Code(
        _E,
        "an item, mapping row or framework differs from the latest edition without a declared change",
        "add a changes: entry naming that edition, with its kind and whether it affects assessment",
    ),
    "change-not-found": Code(
        _W,
        "a change is declared against the latest edition, but nothing differs from it",
        "remove the entry, or make the change",
    ),
    "unknown-edition": Code(_E, "a change names an edition that is not in editions/", "name an edition that exists"),
    "item-dropped": Code(
        _E,
        "an item of the latest edition is gone without a retired entry",
        "retire its id in its group file (replaced_by, or a reason)",
    ),
}

#: Each code's wording in Dutch (what is wrong, how to fix it), for the check page read in Dutch; the same keys as
#: CODES (tests/test_strings.py holds them together). Messages and hints of a single case stay the CLI's English.
CODES_NL: dict[str, tuple[str, str]] = {
    "no-standards": (
        "er is geen map standards/ in de huidige map",
        "start coachref in de bovenste map van het project",
    ),
    "file-name": ("een gegevensbestand eindigt op .yml", "hernoem het naar .yaml"),
    "file-place": (
        "een YAML-bestand waar geen gegevensbestand hoort",
        "zet het in de map van een kader, of verwijder het",
    ),
    "not-a-file": ("een map, pijp of apparaat heet *.yaml", "verwijder of hernoem het"),
    "broken-symlink": (
        "een symbolische link naar iets dat niet bestaat",
        "laat de link naar een bestaand bestand wijzen, of verwijder hem",
    ),
    "symlink-outside": (
        "een symbolische link wijst naar iets buiten het project (het doel wordt niet gelezen)",
        "kopieer het bestand naar het project",
    ),
    "unreadable": ("het bestand kan niet worden gelezen", "maak het leesbaar voor wie coachref uitvoert"),
    "schema-file": (
        "een schema in schemas/ ontbreekt, is geen JSON of geen geldig schema",
        "zet het terug uit versiebeheer",
    ),
    "schema-comment": (
        "de eerste regel noemt het schema van het bestand niet",
        "maak er de getoonde yaml-language-server-regel van",
    ),
    "encoding": ("het bestand is geen UTF-8", "sla het op als UTF-8"),
    "control-character": ("een NUL of ander stuurteken in het bestand", "verwijder het teken"),
    "empty-file": ("het bestand is leeg", "schrijf de inhoud van het bestand, of verwijder het"),
    "yaml-syntax": ("het bestand is geen geldige YAML", "herstel de schrijfwijze op de aangegeven plek"),
    "tab": ("een tab in de inspringing", "spring in met spaties"),
    "duplicate-key": ("een sleutel staat twee keer in één blok", "houd één van de twee"),
    "yaml-alias": ("een anker of alias (&, *)", "schrijf de waarde voluit"),
    "yaml-tag": ("een YAML-tag (!tag, !!python/...)", "verwijder de tag"),
    "yaml-multi-doc": ("meer dan één YAML-document in het bestand", "houd één document per bestand"),
    "yaml-too-deep": ("blokken of lijsten meer dan 100 niveaus diep genest", "maak de structuur vlakker"),
    "number-too-long": ("een geheel getal van meer dan 4.300 tekens", "schrijf het getal dat u bedoelt"),
    "key-type": ("een sleutel die geen tekst is", "schrijf de sleutel als tekst"),
    "missing-property": ("een verplicht veld ontbreekt", "voeg het toe"),
    "schema-violation": (
        "de waarde overtreedt een regel van het schema van het bestand die hier geen eigen melding heeft",
        "pas de waarde aan zoals de melding van de validator zegt (de regel staat in het schema)",
    ),
    "unknown-property": ("een veld dat het schema niet kent", "verbeter de spelling, of verwijder het"),
    "wrong-type": ("een waarde van het verkeerde soort", "schrijf een waarde van het genoemde soort"),
    "invalid-value": ("een waarde buiten wat het schema toestaat", "gebruik een van de genoemde waarden"),
    "invalid-format": ("een waarde in de verkeerde vorm (id, datum, URL)", "schrijf haar in de getoonde vorm"),
    "missing-language": ("een tekst mist een van zijn talen", "voeg de tekst in die taal toe"),
    "empty-language": ("een tekst is leeg in één taal", "schrijf de tekst in die taal"),
    "missing-group": ("framework.yaml noemt een onderdeel zonder bestand", "maak het bestand, of verwijder de naam"),
    "unlisted-group": ("een bestand van een onderdeel dat framework.yaml niet noemt", "voeg de naam toe aan groups"),
    "unknown-group": ("een id van een onderdeel dat het kader niet heeft", "gebruik een van de genoemde onderdelen"),
    "missing-framework": ("een map met bestanden van onderdelen zonder framework.yaml", "voeg framework.yaml toe"),
    "id-prefix": (
        "een id dat niet begint met het id van zijn kader",
        "laat het beginnen met het id van het kader en een dubbelepunt",
    ),
    "duplicate-id": (
        "een id dat twee keer gebruikt wordt",
        "geef elk een eigen id; gepubliceerde id's worden nooit hergebruikt",
    ),
    "id-case-clash": (
        "twee id's die alleen verschillen in hoofdletters en kleine letters",
        "laat ze ook in iets anders verschillen dan hoofdletters en kleine letters",
    ),
    "page-clash": (
        "twee id's van een onderdeel zouden hetzelfde pagina-adres krijgen (het laatste deel van het id, in kleine letters)",
        "laat de laatste delen van de id's verschillen",
    ),
    "text-kind": ("het soort van een tekst past niet bij zijn kader", "markeer het zoals de tip zegt"),
    "whitespace": (
        "spaties aan het begin of eind, dubbele spaties of bijzondere witruimte in een tekst",
        "haal overbodige spaties weg en vervang bijzondere door gewone spaties",
    ),
    "unknown-reference": ("een verwijzing naar een id dat geen item heeft", "gebruik het id van een bestaand item"),
    "retired-reference": ("een verwijzing naar een vervallen id", "gebruik de opvolger, die de melding noemt"),
    "url-dropped": (
        "een gepubliceerd adres (published-urls.txt) dat de site niet meer zou hebben",
        "laat het id vervallen met replaced_by of een reden, of voer coachref urls --update uit als het adres echt mag verdwijnen",
    ),
    "self-reference": ("een item is zijn eigen ouder", "noem een ander item als ouder"),
    "missing-relations": ("koppelbestanden zonder standards/relations.yaml", "zet de woordenlijst van relaties terug"),
    "unknown-relation": ("een relatie die de woordenlijst niet heeft", "gebruik een van de genoemde relaties"),
    "unknown-framework": ("een koppelbestand noemt een onbekend kader", "gebruik een id van een kader"),
    "mapping-file-name": ("een koppelbestand dat niet <bron>--<doel>.yaml heet", "hernoem het bestand"),
    "outside-compared": (
        "een gekoppeld item buiten de vergeleken onderdelen",
        "voeg zijn onderdeel toe aan compared, of koppel een ander",
    ),
    "wrong-framework": (
        "een gekoppeld item uit een ander kader dan het kader van zijn kant van het bestand",
        "koppel een item uit het kader van die kant",
    ),
    "self-mapping": ("een item gekoppeld aan zichzelf", "koppel items van twee kaders"),
    "duplicate-mapping": (
        "twee items die twee keer aan elkaar gekoppeld zijn",
        "laat per tweetal items één regel staan",
    ),
    "contradicting-mapping": (
        "twee items die in beide richtingen gekoppeld zijn, met relaties die elkaar tegenspreken",
        "koppel de twee items maar één keer",
    ),
    "unmapped-not-compared": (
        "een reden om niet te koppelen (unmapped) bij een item buiten de vergeleken onderdelen",
        "noem alleen vergeleken items",
    ),
    "unmapped-but-mapped": (
        "een item met een reden om niet te koppelen, dat toch in een koppelregel staat",
        "laat de reden of de regel vallen",
    ),
    "unmapped-listed-twice": ("een item met twee redenen om niet te koppelen", "geef elk item één reden"),
    "xlsx-unreadable": ("het bestand is geen XLSX-werkmap", "sla het op als .xlsx, of gebruik het YAML-sjabloon"),
    "xlsx-sheet": ("de werkmap mist een blad van het sjabloon", "begin opnieuw met het gepubliceerde sjabloon"),
    "xlsx-column": ("het blad outcomes mist een kolom van het sjabloon", "zet rij 1 van het sjabloon terug"),
    "module-title": (
        "twee rijen van één module geven haar verschillende titels",
        "geef de module één titel, of laat de cel na haar eerste rij leeg",
    ),
    "file-too-large": (
        "een opleidingsbestand boven de grootte die is toegestaan",
        "controleer of dit het opleidingsbestand is: een echte opleiding is veel kleiner",
    ),
    "too-many-modules": (
        "een opleidingsbestand met meer modules dan is toegestaan",
        "controleer of het bestand één opleiding bevat, of splits het",
    ),
    "too-many-outcomes": (
        "een opleidingsbestand met meer leerresultaten dan is toegestaan",
        "controleer of het bestand één opleiding bevat, of splits het",
    ),
    "xlsx-too-large": (
        "een werkmap die uitgepakt groter wordt dan is toegestaan (een zipbom)",
        "begin met het sjabloon en kopieer de rijen van de opleiding erin",
    ),
    "xlsx-sheet-too-large": (
        "een waarde in een blad van de opleiding voorbij de laatste rij of kolom die is toegestaan",
        "verwijder de rijen en kolommen na de laatst gebruikte, of begin met het sjabloon",
    ),
    "edition-file": (
        "een bestand in editions/ kan niet als editie worden gelezen",
        "zet het terug uit versiebeheer; edities worden gemaakt met coachref edition freeze, nooit met de hand",
    ),
    "undeclared-change": (
        "een item, koppelregel of kader verschilt van de laatste editie zonder gemelde wijziging",
        "voeg onder changes: een vermelding toe die die editie noemt, met het soort wijziging en of ze de beoordeling raakt",
    ),
    "change-not-found": (
        "een wijziging is gemeld ten opzichte van de laatste editie, maar er verschilt niets",
        "verwijder de vermelding, of voer de wijziging door",
    ),
    "unknown-edition": ("een wijziging noemt een editie die niet in editions/ staat", "noem een editie die bestaat"),
    "item-dropped": (
        "een item van de laatste editie is verdwenen zonder vermelding onder retired",
        "laat zijn id vervallen in het bestand van zijn onderdeel (replaced_by, of een reden)",
    ),
}
