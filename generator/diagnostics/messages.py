"""The wording of every problem a course file can get, once: message and hint templates that the CLI formats here and
the check page formats from data.json (course/bundle.py ships this table; course-check/messages.js only fills it in).

A template holds `{name}` fields, and `{name:,}` for a whole number written with thousands separators (1,234,567);
nothing else, so that both engines read it alike (tests/test_messages.py holds them to that). Keys are the problem's
code, then a variant where one code has several sentences; `.hint` ends the key of a hint.
"""

from __future__ import annotations

import re
from typing import Any

MESSAGES: dict[str, str] = {
    # a course file past a limit (course/limits.py)
    "file-too-large": "the file is {size:,} bytes; a course file may be at most {limit:,} bytes",
    "file-too-large.hint": "check that this is the course file; a course of 200 modules is well under the limit",
    "xlsx-too-large": "the workbook unpacks to {size:,} bytes; a course workbook may unpack to at most {limit:,} bytes",
    "xlsx-too-large.hint": (
        "start from the course template and copy in the course's rows; delete sheets, images and rows it does not need"
    ),
    "too-many-modules": "the file has {count:,} modules; a course file may have at most {limit:,}",
    "too-many-modules.hint": "check that the file holds one course (a real one has fewer than 60 modules), or split it",
    "too-many-outcomes": "the file has {count:,} learning outcomes; a course file may have at most {limit:,}",
    "too-many-outcomes.hint": "check that the file holds one course, or split it",
    "xlsx-sheet-too-large.row": "a value in row {row:,}; a course sheet may use rows 1 to {limit:,}",
    "xlsx-sheet-too-large.column": "a value in column {col:,}; a course sheet may use columns 1 to {limit:,}",
    "xlsx-sheet-too-large.hint": (
        "delete the rows and columns past the last one used (select them, then Delete), or start from the template"
    ),
    # a course workbook (course/workbook_in.py, course/workbook_rows.py)
    "xlsx.cell": "{cell}: {message}",
    "xlsx-unreadable": "not a readable XLSX workbook ({reason})",
    "xlsx-unreadable.hint": "save the file as an Excel workbook (.xlsx), or use the YAML template",
    "xlsx-unreadable.sheet": "not a readable XLSX workbook: the sheet '{sheet}' cannot be read ({reason})",
    "xlsx-unreadable.sheet.hint": "save the file again from Excel or LibreOffice, or start from the course template",
    "xlsx-sheet": "the workbook has no sheet '{name}'",
    "xlsx-sheet.hint": "start from the course template; its sheets are 'course' and 'outcomes'",
    "xlsx-column": 'there is no column "{name}"',
    "xlsx-column.hint": "row 1 names the columns: {names}",
    "unknown-property.field": 'unknown field "{name}"',
    "unknown-property.field.hint": "column A holds one of: {fields}",
    "duplicate-key.field": 'field "{name}" appears twice (first in row {row})',
    "duplicate-key.field.hint": "keep one of the two rows",
    "missing-property.module-id": "the module id is empty",
    "missing-property.module-id.hint": "give every row the id of its module",
    "missing-property.cell.hint": "fill in this cell",
    "missing-property.row.hint": "add the missing row or column (start from the template)",
    "module-title": 'module "{module}" has another title here than in row {row}',
    "module-title.hint": "give the module one title, or leave the cell empty after its first row",
    "invalid-value.no-outcomes": "there are no learning outcomes",
    "invalid-value.no-outcomes.hint": "fill in one row per learning outcome, from row 2",
    # ids in a course (validate/rules/references.py, course/command.py)
    "duplicate-id.module": 'module id "{id}" is already used (line {line})',
    "duplicate-id.module.hint": "give every module its own id",
    "duplicate-id.outcome": 'outcome id "{id}" is already used in module "{module}" (line {line})',
    "duplicate-id.outcome.hint": "give every outcome of a module its own id",
    "unknown-reference.set": '"{ref}" is not the id of a requirement set',
    "unknown-reference.set.hint": "known requirement sets: {sets}",
    "unknown-reference.group": '"{ref}" is a group, not an item',
    "unknown-reference.group.hint": "list the group's items one by one: an outcome covers items",
    "unknown-reference.item": '"{ref}" is not the id of any item',
    "unknown-reference.item.hint": "use the id of an existing item (see the site)",
    "did-you-mean.hint": 'did you mean "{close}"?',
    # reading a YAML file (load/documents.py and load/yaml_problems.py, for every data file)
    "control-character": "control character U+{code} is not allowed in a data file",
    "control-character.hint": (
        "delete the character (an editor may show it as a box, ^@ or <0x..>): data files hold plain text only"
    ),
    "tab": "tab character in indentation",
    "tab.hint": "indent with spaces only",
    "empty-file": "the file is empty",
    "empty-file.hint": "add the file's content, or delete the file",
    "encoding": "byte 0x{byte} is not valid UTF-8",
    "encoding.hint": "save the file as UTF-8",
    "binary-file.zip": "this is a zip archive (a Word or Excel document, or a .zip), not a YAML text file",
    "binary-file.pdf": "this is a PDF document, not a YAML text file",
    "binary-file.ole": "this is an old Office document (Office 97-2003: .doc or .xls), not a YAML text file",
    "binary-file.hint": "use the YAML file itself; a course file may also be the filled-in XLSX template, saved as .xlsx (an .xls workbook: save it as .xlsx)",
    "yaml-syntax": "YAML syntax error: {problem}",
    "yaml-syntax.hint": "check indentation, quotes, brackets and colons here and on the lines above",
    "yaml-syntax.quote": (
        "YAML syntax error: this quote is not closed on its line (the parser got lost at line {line}: {problem})"
    ),
    "yaml-syntax.quote.hint": 'end the text with a " on the same line',
    "yaml-syntax.long-key": (
        "YAML syntax error: a key written without '?' may be at most {limit} characters long; this one has {length}"
    ),
    "yaml-multi-doc": "the file holds more than one YAML document",
    "yaml-multi-doc.hint": "keep one document per file: remove the '---' line and what follows",
    "yaml-too-deep": "mappings and lists are nested more than {depth} levels deep here",
    "yaml-too-deep.hint": "flatten the structure: the data files nest a few levels at most",
    "yaml-tag": "YAML tag '{tag}' is not allowed",
    "yaml-tag.hint": "remove the tag; the files hold plain text, numbers, lists and mappings only",
    "yaml-alias": "YAML alias '*{name}' is not allowed{more}",
    "yaml-alias.more": " ({count} aliases in this file)",
    "yaml-alias.hint": "write the value out in full; anchors and aliases are not expanded",
    "number-too-long": "a whole number written with {length:,} characters; a number may have at most {limit:,}",
    "number-too-long.hint": "write the number you mean: no field of a data file needs one this long",
    "key-type": "mapping key {key} is not text",
    "key-type.hint": 'quote the key: "{raw}"',
    "key-type.plain": "mapping keys must be plain text",
    "duplicate-key": 'duplicate key "{key}" (first at line {line})',
    "duplicate-key.hint": "keep one of the two entries",
    # a value against its schema (validate/schemas.py, for every data file)
    "wrong-type": '"{field}" must be {expected}, got {got}',
    "wrong-type.hint": "write {expected} here",
    "wrong-type.quote.hint": "YAML read this as a number or true/false: put the value in quotes to keep it as text",
    "invalid-value.enum": '"{field}" is {value}, expected one of: {options}',
    "invalid-value.non-empty": '"{field}": {value} should be non-empty',
    "invalid-value.too-short": '"{field}": {value} is too short',
    "invalid-value.minimum": '"{field}": {value} is less than the minimum of {limit}',
    "invalid-value.maximum": '"{field}": {value} is greater than the maximum of {limit}',
    "invalid-value.unique": '"{field}": {value} has non-unique elements',
    "invalid-format": '"{field}" value {value} is not in the expected form',
    "invalid-format.hint": "a valid {pattern}",
    "missing-property": '"{name}" is missing',
    "missing-property.from": '"{name}" is missing from "{field}"',
    "missing-property.hint": 'add "{name}:"',
    "unknown-property": 'unknown property "{key}"',
    "unknown-property.hint": "allowed: {allowed}",
    "unknown-property.close.hint": 'did you mean "{close}"? allowed: {allowed}',
    # how a message names a type the schema asks for, and the kind of value found instead
    "type.string": "text",
    "type.object": "a mapping",
    "type.array": "a list",
    "type.boolean": "true or false",
    "type.integer": "a whole number",
    "type.number": "a number",
    "type.null": "null",
    "type.or": "{first} or {second}",
    "got.mapping": "a mapping",
    "got.list": "a list",
    "got.text": "text",
    "got.boolean": "true/false",
    "got.number": "a number",
    "got.null": "nothing (null)",
}

#: The same templates in Dutch, for the check page read in Dutch (the CLI speaks English): the same keys and fields.
MESSAGES_NL: dict[str, str] = {
    "file-too-large": "het bestand is {size:,} bytes; een opleidingsbestand mag hoogstens {limit:,} bytes zijn",
    "file-too-large.hint": "controleer of dit het opleidingsbestand is; een opleiding van 200 modules blijft ver onder de grens",
    "xlsx-too-large": "uitgepakt is de werkmap {size:,} bytes groot; een werkmap van een opleiding mag uitgepakt hoogstens {limit:,} bytes groot zijn",
    "xlsx-too-large.hint": "begin met het sjabloon en kopieer de rijen van de opleiding erin; verwijder bladen, afbeeldingen en rijen die niet nodig zijn",
    "too-many-modules": "het bestand heeft {count:,} modules; een opleidingsbestand mag er hoogstens {limit:,} hebben",
    "too-many-modules.hint": "controleer of het bestand één opleiding bevat (een echte heeft minder dan 60 modules), of splits het",
    "too-many-outcomes": "het bestand heeft {count:,} leerresultaten; een opleidingsbestand mag er hoogstens {limit:,} hebben",
    "too-many-outcomes.hint": "controleer of het bestand één opleiding bevat, of splits het",
    "xlsx-sheet-too-large.row": "een waarde in rij {row:,}; een blad van de opleiding mag de rijen 1 tot en met {limit:,} gebruiken",
    "xlsx-sheet-too-large.column": "een waarde in kolom {col:,}; een blad van de opleiding mag de kolommen 1 tot en met {limit:,} gebruiken",
    "xlsx-sheet-too-large.hint": "verwijder de rijen en kolommen na de laatst gebruikte (selecteer ze en kies Verwijderen), of begin met het sjabloon",
    "xlsx.cell": "{cell}: {message}",
    "xlsx-unreadable": "geen leesbare XLSX-werkmap ({reason})",
    "xlsx-unreadable.hint": "sla het bestand op als Excel-werkmap (.xlsx), of gebruik het YAML-sjabloon",
    "xlsx-unreadable.sheet": "geen leesbare XLSX-werkmap: het blad '{sheet}' kan niet worden gelezen ({reason})",
    "xlsx-unreadable.sheet.hint": "sla het bestand opnieuw op vanuit Excel of LibreOffice, of begin met het sjabloon",
    "xlsx-sheet": "de werkmap heeft geen blad '{name}'",
    "xlsx-sheet.hint": "begin met het sjabloon; de bladen daarvan heten 'course' en 'outcomes'",
    "xlsx-column": 'er is geen kolom "{name}"',
    "xlsx-column.hint": "rij 1 noemt de kolommen: {names}",
    "unknown-property.field": 'onbekend veld "{name}"',
    "unknown-property.field.hint": "kolom A bevat een van: {fields}",
    "duplicate-key.field": 'veld "{name}" staat er twee keer (voor het eerst in rij {row})',
    "duplicate-key.field.hint": "houd één van de twee rijen",
    "missing-property.module-id": "het id van de module is leeg",
    "missing-property.module-id.hint": "geef elke rij het id van haar module",
    "missing-property.cell.hint": "vul deze cel in",
    "missing-property.row.hint": "voeg de ontbrekende rij of kolom toe (begin met het sjabloon)",
    "module-title": 'module "{module}" heeft hier een andere titel dan in rij {row}',
    "module-title.hint": "geef de module één titel, of laat de cel na haar eerste rij leeg",
    "invalid-value.no-outcomes": "er zijn geen leerresultaten",
    "invalid-value.no-outcomes.hint": "vul vanaf rij 2 één rij per leerresultaat in",
    "duplicate-id.module": 'module-id "{id}" is al gebruikt (regel {line})',
    "duplicate-id.module.hint": "geef elke module een eigen id",
    "duplicate-id.outcome": 'leerresultaat-id "{id}" is al gebruikt in module "{module}" (regel {line})',
    "duplicate-id.outcome.hint": "geef elk leerresultaat van een module een eigen id",
    "unknown-reference.set": '"{ref}" is niet het id van een set eisen',
    "unknown-reference.set.hint": "bekende sets eisen: {sets}",
    "unknown-reference.group": '"{ref}" is een onderdeel, geen item',
    "unknown-reference.group.hint": "noem de items van het onderdeel een voor een: een leerresultaat dekt items",
    "unknown-reference.item": '"{ref}" is niet het id van een item',
    "unknown-reference.item.hint": "gebruik het id van een bestaand item (zie de site)",
    "did-you-mean.hint": 'bedoelt u "{close}"?',
    "control-character": "stuurteken U+{code} is niet toegestaan in een gegevensbestand",
    "control-character.hint": "verwijder het teken (een editor toont het misschien als een vakje, ^@ of <0x..>): gegevensbestanden bevatten alleen gewone tekst",
    "tab": "tab in de inspringing",
    "tab.hint": "spring alleen in met spaties",
    "empty-file": "het bestand is leeg",
    "empty-file.hint": "schrijf de inhoud van het bestand, of verwijder het",
    "encoding": "byte 0x{byte} is geen geldige UTF-8",
    "encoding.hint": "sla het bestand op als UTF-8",
    "binary-file.zip": "dit is een zip-archief (een Word- of Excel-document, of een .zip), geen YAML-tekstbestand",
    "binary-file.pdf": "dit is een pdf-document, geen YAML-tekstbestand",
    "binary-file.ole": "dit is een oud Office-document (Office 97-2003: .doc of .xls), geen YAML-tekstbestand",
    "binary-file.hint": "gebruik het YAML-bestand zelf; een opleidingsbestand mag ook het ingevulde XLSX-sjabloon zijn, opgeslagen als .xlsx (een .xls-werkmap: sla die op als .xlsx)",
    "yaml-syntax": "fout in de YAML: {problem}",
    "yaml-syntax.hint": "controleer inspringen, aanhalingstekens, haken en dubbelepunten hier en op de regels erboven",
    "yaml-syntax.quote": "fout in de YAML: dit aanhalingsteken wordt op zijn regel niet gesloten (de parser raakte de weg kwijt op regel {line}: {problem})",
    "yaml-syntax.quote.hint": 'sluit de tekst af met een " op dezelfde regel',
    "yaml-syntax.long-key": "fout in de YAML: een sleutel zonder '?' mag hoogstens {limit} tekens lang zijn; deze heeft er {length}",
    "yaml-multi-doc": "het bestand bevat meer dan één YAML-document",
    "yaml-multi-doc.hint": "houd één document per bestand: verwijder de regel '---' en wat erna komt",
    "yaml-too-deep": "blokken en lijsten zijn hier meer dan {depth} niveaus diep genest",
    "yaml-too-deep.hint": "maak de structuur vlakker: de gegevensbestanden nesten hoogstens een paar niveaus",
    "yaml-tag": "YAML-tag '{tag}' is niet toegestaan",
    "yaml-tag.hint": "verwijder de tag; de bestanden bevatten alleen gewone tekst, getallen, lijsten en blokken velden",
    "yaml-alias": "YAML-alias '*{name}' is niet toegestaan{more}",
    "yaml-alias.more": " ({count} aliassen in dit bestand)",
    "yaml-alias.hint": "schrijf de waarde voluit; ankers en aliassen worden niet uitgevouwen",
    "number-too-long": "een geheel getal van {length:,} tekens; een getal mag er hoogstens {limit:,} hebben",
    "number-too-long.hint": "schrijf het getal dat u bedoelt: geen veld van een gegevensbestand heeft er zo een nodig",
    "key-type": "sleutel {key} is geen tekst",
    "key-type.hint": 'zet de sleutel tussen aanhalingstekens: "{raw}"',
    "key-type.plain": "sleutels moeten gewone tekst zijn",
    "duplicate-key": 'sleutel "{key}" staat er twee keer (voor het eerst op regel {line})',
    "duplicate-key.hint": "houd één van de twee",
    "wrong-type": '"{field}" moet {expected} zijn, maar is {got}',
    "wrong-type.hint": "schrijf hier {expected}",
    "wrong-type.quote.hint": "YAML las dit als getal of als true/false: zet de waarde tussen aanhalingstekens om haar als tekst te houden",
    "invalid-value.enum": '"{field}" is {value}, maar moet een van deze zijn: {options}',
    "invalid-value.non-empty": '"{field}": {value} mag niet leeg zijn',
    "invalid-value.too-short": '"{field}": {value} is te kort',
    "invalid-value.minimum": '"{field}": {value} is kleiner dan het minimum van {limit}',
    "invalid-value.maximum": '"{field}": {value} is groter dan het maximum van {limit}',
    "invalid-value.unique": '"{field}": {value} bevat dubbele waarden',
    "invalid-format": '"{field}": de waarde {value} heeft niet de verwachte vorm',
    "invalid-format.hint": "een waarde die past bij {pattern}",
    "missing-property": '"{name}" ontbreekt',
    "missing-property.from": '"{name}" ontbreekt in "{field}"',
    "missing-property.hint": 'voeg "{name}:" toe',
    "unknown-property": 'onbekend veld "{key}"',
    "unknown-property.hint": "toegestaan: {allowed}",
    "unknown-property.close.hint": 'bedoelt u "{close}"? toegestaan: {allowed}',
    "type.string": "tekst",
    "type.object": "een blok velden (naam: waarde)",
    "type.array": "een lijst",
    "type.boolean": "true of false",
    "type.integer": "een geheel getal",
    "type.number": "een getal",
    "type.null": "null",
    "type.or": "{first} of {second}",
    "got.mapping": "een blok velden (naam: waarde)",
    "got.list": "een lijst",
    "got.text": "tekst",
    "got.boolean": "true/false",
    "got.number": "een getal",
    "got.null": "niets (null)",
}

#: The Dutch of the schema descriptions that serve as the hint of an `invalid-format` problem (a field whose text must
#: follow a pattern: the schema's own description says what it must be). The English is the schema's (course.schema.json,
#: common.schema.json), which the CLI prints; the check page shows a Dutch reader this, written as the Dutch hints above
#: are (lower case, no closing full stop). tests/test_messages.py holds the keys to exactly those descriptions.
DESCRIPTIONS_NL: dict[str, str] = {
    "The id of a requirement set, e.g. BVJN:register.": "het id van een set eisen, bijvoorbeeld BVJN:register",
    "The module's id, unique in the course.": "het id van de module, uniek binnen de opleiding",
    "The outcome's id, unique in the module.": "het id van het leerresultaat, uniek binnen de module",
    (
        "A stable item identifier: framework prefix, colon, local part (e.g. ST0809:K1, BVJN:intake-assessment:a). "
        "Never reused once published."
    ): (
        "het vaste id van een item: het id van het kader, een dubbelepunt en het eigen deel (bijvoorbeeld ST0809:K1, "
        "BVJN:intake-assessment:a); een gepubliceerd id wordt nooit hergebruikt"
    ),
}

_FIELD = re.compile(r"\{(\w+)(:,)?\}")


def say(key: str, /, **values: Any) -> str:
    """The template `key` filled in with `values` (course-check/messages.js fills it in alike)."""
    return _FIELD.sub(lambda m: f"{values[m[1]]:,}" if m[2] else str(values[m[1]]), MESSAGES[key])
