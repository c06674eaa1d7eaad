"""Course compliance: evaluate requirement sets (conditions as data) against a course, and render the report."""
