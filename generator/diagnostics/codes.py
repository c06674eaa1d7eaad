"""The one table of problem codes: each code's severity, what is wrong and how to fix it. Every problem carries
one of these codes, and tests/test_invalid_cases.py requires a bad-input case folder for each. Its Dutch is
codes_nl.py."""

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
    "binary-file": Code(
        _E, "the file is a document or archive (zip, PDF, Office), not YAML text", "use the YAML file itself"
    ),
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
