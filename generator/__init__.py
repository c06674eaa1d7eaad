"""coachref: turns the YAML competence frameworks in standards/ into a checked model, exports and a bilingual site."""

import os

__version__ = "0.1.0"

# openpyxl writes workbooks (and reads parts of them) through lxml when lxml happens to be installed, through the
# standard library otherwise, and the XLSX bytes differ. The downloads must be the same wherever they are built and a
# course workbook read alike, so openpyxl is told to use the standard library, before anything imports it (a value the
# caller set stays: that is their decision).
os.environ.setdefault("OPENPYXL_LXML", "False")
