"""The Dutch of the problem-code table (codes.py): what is wrong and how to fix it, for the check page's Dutch readers
(tests/test_strings.py holds it to the same codes in the same order)."""

from __future__ import annotations

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
    "binary-file": (
        "het bestand is een document of archief (zip, pdf, Office), geen YAML-tekst",
        "gebruik het YAML-bestand zelf",
    ),
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
