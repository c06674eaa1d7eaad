"""coachref: turns the YAML competence frameworks in standards/ into a checked model, exports and a bilingual site."""

import os

__version__ = "0.1.0"

# openpyxl reads course workbooks through lxml when lxml happens to be installed, through the standard library
# otherwise. A workbook must be read alike wherever it is checked, so openpyxl is told to use the standard library,
# before anything imports it (a value the caller set stays: that is their decision). The workbooks this package writes
# are written by XlsxWriter, which needs no XML library.
os.environ.setdefault("OPENPYXL_LXML", "False")
