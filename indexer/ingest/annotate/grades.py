"""The grade vocabulary as the facet deciders use it; the table itself lives in `indexer.grades`."""
from __future__ import annotations

from indexer.grades import (GRADE_RE, GRADES, Grade, compares_as, equivalents, grade_of_match, grades_agree,  # noqa: F401 - re-exported
                            is_cued_word, normalise_grade, worst_grade)
