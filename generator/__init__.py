"""coachref: turns the YAML competence frameworks in standards/ into a checked model, exports and a bilingual site."""

__version__ = "0.1.0"
