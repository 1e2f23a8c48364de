"""Facets of a news article or web page: subject councils by weighted mentions, grades from rating statements."""
from __future__ import annotations

import datetime as dt

from indexer import settings
from indexer.models import Document
from indexer.ingest.annotate import confidence
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.attribution import (attribute_grades, file_unnamed_paragraphs, paragraph_councils,
                                                 unfile_list_members)
from indexer.ingest.annotate.council import CouncilScore, is_school_inspection, score_councils
from indexer.ingest.annotate.places import subject_mentions
from indexer.ingest.annotate.partners import partner_only
from indexer.ingest.annotate.graded_subjects import graded_outright
from indexer.ingest.annotate.helper_roles import helper_councils
from indexer.ingest.annotate.helper_sources import mainly_helpers
from indexer.ingest.annotate.heading_runs import heading_run
from indexer.ingest.annotate.judged_lists import judged_list_members, long_list_members
from indexer.ingest.annotate.counted_lists import counted_members
from indexer.ingest.annotate.predecessors import refers_to_predecessor, replaced_councils
from indexer.ingest.annotate.provider import is_setting_inspection
from indexer.ingest.annotate.setting_operator import setting_operators
from indexer.ingest.annotate.joint_subjects import joint_subjects
from indexer.ingest.annotate.successors import file_paragraphs, split_into_successors, split_siblings
from indexer.ingest.annotate.pending import pending_year
from indexer.ingest.annotate.publisher import paragraph_sections, publisher_council, section_councils
from indexer.ingest.annotate.roundup_lists import listed_councils
from indexer.ingest.annotate.same_body import merged, same_body
from indexer.ingest.annotate.group_member import member_grade
from indexer.ingest.annotate.undated_standing import undated_named_standing
from indexer.ingest.annotate.followed_inspection import followed_fill
from indexer.ingest.annotate.visits import new_full_inspection
from indexer.ingest.annotate.end_state import left_without_end_state, official_grade_on
from indexer.ingest.annotate.gazetteer import display_name
from indexer.ingest.annotate.record import link_outcome, set_severity_confidence, set_year
from indexer.ingest.annotate.severity import NEW_REPORT, GradeStatement, decide
from indexer.ingest.annotate.visit_report import new_report_is_visit
from indexer.ingest.annotate.result_lines import result_lines
from indexer.ingest.annotate.table_rows import table_rows
from indexer.ingest.annotate.text_units import document_sentences
from indexer.ingest.annotate.calendar import (annual_report_year, annual_round_year, calendar_year, judged_last_year, months_after_start,
                                              past_december_shift, names_publication_month)
from indexer.ingest.annotate.year import outcome_from_text
from indexer.ingest.annotate.areas import article_subjudgements
from indexer.ingest.annotate.movement import article_moves
from indexer.ingest.annotate.record_check import record_overrules
from indexer.ingest.annotate.record_grade import record_grade
from indexer.ingest.annotate.own_event import visit_after_anchor, year_after_last_year_anchor
from indexer.ingest.annotate.empty_year import fallback_year
from indexer.ingest.annotate.roundup_year import shared_record_year
from indexer.ingest.annotate.area_review import reports_joint_area_review
from indexer.ingest.annotate.fallback_grade import fallback_grade
from indexer.ingest.annotate.inspected_at import inspected_at
from indexer.ingest.annotate.child_protection import cpi_grade
from indexer.ingest.annotate.year_floor import raised_year
from indexer.ingest.annotate.weekday_year import weekday_year
from indexer.ingest.annotate.visit_count import counted_visit_year
from indexer.ingest.annotate.visit_dates import dated_visit_range
from indexer.ingest.annotate.years_after import years_after_year
from indexer.ingest.annotate.years_after_record import record_year
from indexer.ingest.annotate.latest_event import latest_event_year
from indexer.ingest.annotate.visit_between import focused_visit_year
from indexer.ingest.annotate.national_tally import tally_year
from indexer.ingest.annotate.span_on import span_on_year
from indexer.ingest.annotate.years_ago import years_ago_year


def annotate_article(doc: Document, raw: str, published: dt.date | None, evidence: dict) -> None:
    """A news article or web page: subject councils by weighted mentions, grades from rating statements."""
    text = "\n".join(p.text for p in doc.paragraphs)
    school, why = is_school_inspection(doc.title, text)
    setting, setting_why = is_setting_inspection(doc.title, text)
    if school or setting:
        evidence["council"] = []
        evidence["not_children_services"] = (f"reads as a school-inspection article ({why}): no council facet"
                                             if school else f"reads as one care setting's inspection "
                                                            f"({setting_why}): no council grade")
        if setting:
            _operating_councils(doc, text, published, evidence)
        set_year(doc, published, None, None)
        _calendar_fallback(doc, text)
        _annual_report_span(doc, text, published)
        return
    sentences = document_sentences(doc)
    scores = score_councils(sentences, published)
    headed = section_councils(doc, published)
    for code in headed:  # a section headed by a council's name is about it, whatever its prose calls it
        entry = scores.setdefault(code, CouncilScore(code))
        entry.score += settings.COUNCIL_SCORE_OPENING
        entry.reasons.append("a section is headed by its name")
    results = result_lines(raw or text, published)  # "Bury – Good" lines of a table-like round-up
    if settings.ROUND30_TABLE_ROWS:  # round 30: rows of a table of councils, a grade or a children's score each
        have = {code for code, _, _ in results}
        results += [(code, grade, f"a table row: {row}") for code, grade, row in table_rows(raw or text, published)
                    if code not in have]
    for code, _, line in results:
        entry = scores.setdefault(code, CouncilScore(code))
        entry.score += settings.COUNCIL_SCORE_OPENING
        entry.reasons.append(f"a result line: “{line}”")
    # round 15: entries headed by a bare council name under a heading that grades them ("BRADFORD" under "Local
    # authorities rated inadequate"): a result line each
    entries = heading_run(doc, published) if settings.ROUND15_HEADING_LISTS else []
    for code, grade in entries:
        entry = scores.setdefault(code, CouncilScore(code))
        entry.score += settings.COUNCIL_SCORE_OPENING
        entry.reasons.append("an entry of the page is headed by its name")
        results.append((code, grade, f"an entry headed by its name{' under a heading that grades it ' + grade if grade else ''}"))
    if not scores:
        scores = _publisher_scores(doc, text, published)
    if not scores:
        evidence["council"] = []
        set_year(doc, published, None, None)
        _tally_year(doc, text, published)
        _calendar_fallback(doc, text)
        _annual_report_span(doc, text, published)
        return
    alias = same_body(set(scores), published)  # "Somerset" and "Somerset County Council" on an undated page
    _merge_scores(scores, alias)
    headed = merged(headed, alias)
    results = [(alias.get(code, code), grade, line) for code, grade, line in results]
    replaced = replaced_councils(text, subject_mentions(text, published))  # "took over from X": X is history
    pool = [s for s in scores.values() if s.code not in replaced] or list(scores.values())
    # round 17: a council named mainly as another's helper is never the main council while another is named
    mainly = mainly_helpers(text, published)
    primary = max([s for s in pool if s.code not in mainly] or pool, key=lambda s: (s.score, s.mentions))
    headed = headed + sorted((listed_councils(sentences, published) & set(scores)) - set(headed))  # a round-up's lists
    # a council the text moves out of a grade ("no longer inadequate") is a subject even with no grade named
    headed = headed + [c for c in scores if c not in headed and left_without_end_state(sentences, c, published)]
    # round 12: "North and West Northamptonshire councils": one plural subject names each of its councils
    headed = headed + [c for c in joint_subjects(sentences, published, primary.code) if c in scores and c not in headed]
    # round 15: "A, B and C have all had control taken away after critical reports": each a subject
    siblings = judged_list_members(sentences, published, primary.code) & set(scores) \
        if settings.ROUND15_LIST_SIBLINGS else set()
    headed = headed + sorted(siblings - set(headed))
    # round 24: "nine councils are rated poor, including A and B": the members of a counted group of councils
    counted_grades = counted_members(sentences, published) if settings.ROUND24_COUNTED_LISTS else {}
    counted = set(counted_grades) & set(scores)
    headed = headed + sorted(counted - set(headed))
    # round 26: the members of a list of four or more councils; those the page names in no other way are kept apart
    long_listed = long_list_members(sentences, published) & set(scores)
    long_only = long_listed - set(headed)
    headed = headed + sorted(long_only)
    sections = paragraph_sections(doc, published) if len(set(headed)) >= 2 else {}
    attributed, listed = attribute_grades(sentences, published, primary.code, sections)
    for new_code, old_code in alias.items():
        attributed.setdefault(old_code, []).extend(attributed.pop(new_code, []))
    _file_under_predecessor(attributed, primary.code, replaced)
    listed = set(merged(sorted(listed), alias))
    listed |= siblings | counted | long_listed
    for code in sorted(counted):  # the counted group's grade, for a member the text does not grade itself
        grade, line = counted_grades[code]
        own = attributed.get(code)
        if settings.ROUND29_COUNTED_GROUP and own and all(st.sub_area or st.tally for st in own):
            own = None  # round 29: a member graded only in an area of the work takes the group's overall grade
        if grade and not own:
            attributed.setdefault(code, []).append(GradeStatement(grade, settings.GRADE_WEIGHT_OVERALL, line, 1))
    for code, grade, line in results:
        if grade:  # a round-15 heading entry may carry no grade
            attributed.setdefault(code, []).append(GradeStatement(grade, settings.GRADE_WEIGHT_OVERALL, line, 1))
        listed.add(code)
    headed = headed + [code for code, _, _ in results if code not in headed]
    # round 15: a council given an overall grade of its own is a subject at any share of the mentions
    outright = graded_outright(attributed) if settings.ROUND15_GRADED_ANY_SHARE else set()
    inspected = inspected_at(sentences, published)  # round 32: where the inspectorate found something
    chosen = [primary.code] + [
        code for code, entry in sorted(scores.items(), key=lambda kv: -kv[1].score)
        if code != primary.code and (entry.score >= settings.SECONDARY_SHARE * primary.score or code in listed
                                     or code in outright or code in inspected)
        and (sum(_subject_weight(s) for s in attributed.get(code, [])) >= settings.SECONDARY_MIN_GRADE_WEIGHT
             or code in headed or code in inspected)]
    helpers = partner_only(text, published)  # "its partnership with Hampshire": a helper, not a subject
    if settings.ROUND15_HELPERS:  # round 15: "Hampshire has run the island's services": a helper too
        helpers = helpers | helper_councils(text, published)
    # round 17: "advisers from X", "agreed to share a director": named more often as a helper than otherwise
    helpers = helpers | mainly
    chosen = [c for c in chosen if c == primary.code or c not in helpers]
    chosen, stands_for = split_into_successors(chosen, set(scores), attributed, published)
    doc.council = [display_name(c) for c in chosen]
    doc.council_code = chosen
    doc.confidence["council"] = confidence.STATED
    evidence["council"] = [_council_evidence(c, scores.get(c), stands_for.get(c)) for c in chosen]
    mentioned_only = [display_name(c) for c in scores if c not in chosen]
    if mentioned_only:
        evidence["mentioned_not_subject"] = mentioned_only
    grades = []
    severity_evidence = []
    new_report = bool(NEW_REPORT.search(text)) and not new_report_is_visit(text)  # round 27: a visit grades nothing
    for code in chosen:
        grade, support = decide(attributed.get(code, []), new_report)
        if not grade and settings.ROUND33_CPI_AREA:
            grade, support = cpi_grade(attributed.get(code, []), code, text, published)  # round 33: the CPI's own grade
        grades.append(grade or "")
        if grade:
            severity_evidence.append({"council": display_name(code), "value": grade, "source": "text",
                                      "text": [s.sentence[:200] for s in support[:3]],
                                      "confidence": confidence.STATED})
    doc.severity = grades
    # round 31: a member of a round-up's list graded by its lead-in keeps the page's grade (a list "since 2010" is
    # not the story of the report the record published near the page's date)
    lead_listed = {c for c in chosen if settings.ROUND31_LEAD_IN_LISTS and attributed.get(c)
                   and all(st.lead_in for st in attributed[c])}
    _record_check(doc, chosen, severity_evidence, lead_listed)
    if len(chosen) > 1:
        paragraph_councils(doc, chosen, published)
        # round 26: a long list's member the text says nothing more of is the subject of the list, not of the
        # paragraphs naming no one
        listed_only = [c for c in chosen if c in long_only and not attributed.get(c) and c != primary.code]
        if listed_only and settings.ROUND26_LISTED_NO_LIFT:  # before the unnamed ones are filed: a list of them only
            unfile_list_members(doc, listed_only)
        if listed_only:
            file_unnamed_paragraphs(doc, [c for c in chosen if c not in listed_only])
        file_paragraphs(doc, stands_for, published)
    left = [m.left for m in article_moves(sentences, chosen[0], grades[0], published) if m.left] if grades[0] else []
    # round 27: the day the page was viewed (a header date set aside) names no year the record match must reach
    record_text = _without_view_date(doc, text) if settings.ROUND27_VIEW_DATE_RECORD else text
    outcome, outcome_why = outcome_from_text(record_text, chosen[:1], grades[0] or None, published, left)
    if not published and annual_round_year(text)[0] and confidence.of_outcome_match(outcome_why) != confidence.OFFICIAL:
        outcome, outcome_why = None, ""  # a 2008-11 annual rating is not one of the table's inspections
    if outcome is None and published:
        outcome = outcome_table.by_publication(chosen[0], published, tolerance_days=14)
        outcome_why = "published within two weeks of the official report" if outcome else ""
    outcome_level = confidence.of_outcome_match(outcome_why)
    if outcome is not None:
        evidence["official_outcome_match"] = outcome_why
    if not published and outcome is not None and outcome.published:
        evidence["year_reasoning"] = outcome_why
    set_year(doc, published, outcome, None, outcome_level)
    after_anchor = False
    if not published and outcome is not None and outcome.published and doc.year:
        _shift_past_december(doc, text, outcome.published.month)
        _shift_last_year(doc, text, outcome)
        after_anchor = _visit_after_anchor(doc, text, outcome)
        if outcome_level != confidence.OFFICIAL and not after_anchor:
            _dated_span_over_inferred(doc, text)
    # round 27: a visit page the anchor left undated ("nothing dates the visit") is dated by a grade "last year"
    if not doc.year and not published and (not after_anchor or settings.ROUND27_LAST_YEAR_GRADE):
        _last_year_anchor(doc, chosen[0], text)
    elif doc.year and not published and settings.ROUND30_LAST_YEAR_OVER_RECORD:
        _last_year_over_record(doc, chosen[0], text, outcome)
    if not doc.year and not published and not after_anchor:
        _pending_year(doc, chosen[0], text)
    if not published and settings.ROUND29_VISIT_GAP:
        _focused_visit_gap(doc, chosen[0], text)
    _tally_year(doc, text, published)
    if not after_anchor:
        _calendar_fallback(doc, text)
    if not published and not after_anchor:
        _empty_year_fallback(doc, text, chosen, grades)
    if not published:
        floor_text = _without_view_date(doc, text)
        _raise_to_floor(doc, floor_text, chosen[0])
        _weekday_year(doc, floor_text)
        _visit_page_year(doc, text)
        _span_on_anchor(doc, text, outcome)
        _years_ago_anchor(doc, text, outcome)
    _annual_report_span(doc, text, published)
    _fill_membership(doc, sentences, chosen, published, severity_evidence)
    # Round 11 (issue 22): one official-record policy for a grade the text does not state (record_grade.py)
    _record_grade(doc, text, chosen, published, outcome, outcome_level, severity_evidence)
    _record_grade_by_section(doc, sections, published, severity_evidence)
    _fill_end_states(doc, sentences, chosen, published or (outcome.published if outcome is not None else None),
                     published, severity_evidence)
    _fill_undated_standing(doc, text, chosen, published, severity_evidence)
    _fill_followed_inspection(doc, text, chosen, published, severity_evidence)
    _fill_fallback_grade(doc, sentences, chosen, published, severity_evidence, bool(attributed.get(chosen[0])))
    if settings.ROUND28_JOINT_AREA_REVIEW and any(doc.severity) and reports_joint_area_review(doc.title, text):
        # round 28: a joint area review grades strands, never children's services overall: every council null
        doc.severity = [""] * len(doc.severity)
        severity_evidence = []
        evidence["severity_withheld"] = "the page reports a joint area review, which grades strands, not the service"
    evidence["severity"] = severity_evidence
    if len(chosen) == 1:
        link_outcome(doc, outcome, evidence)
        _area_judgements(doc, sentences, evidence)
    doc.severity = doc.severity if any(doc.severity) else []
    set_severity_confidence(doc, severity_evidence)


def _council_evidence(code: str, score, replaced: str | None) -> dict:
    """Why a council is a subject: its score and mentions (none for a successor the text names only under the old
    council's name, round 12), the reasons, and the council it stands in for."""
    why = (score.reasons[:3] if score is not None else []) + (
        [f"named as a successor of {display_name(replaced)}, which the text names as the subject"] if replaced else [])
    return {"value": display_name(code), "code": code, "score": round(score.score, 1) if score is not None else 0.0,
            "mentions": score.mentions if score is not None else 0, "why": why, "confidence": confidence.STATED}


def _file_under_predecessor(attributed: dict[str, list], primary: str, replaced: set[str]) -> None:
    """Grades the main council's sentences give "the old county council" belong to the one council the text names as
    replaced (with two or more replaced, the reference is ambiguous and nothing moves)."""
    if len(replaced) != 1 or primary in replaced:
        return
    (old,) = replaced
    moved = [st for st in attributed.get(primary, []) if refers_to_predecessor(st.sentence)]
    if moved:
        attributed[primary] = [st for st in attributed[primary] if st not in moved]
        attributed.setdefault(old, []).extend(moved)


def _merge_scores(scores: dict[str, CouncilScore], alias: dict[str, str]) -> None:
    """Fold the scores of a council's second name into the body it names."""
    for new_code, old_code in alias.items():
        extra = scores.pop(new_code)
        entry = scores[old_code]
        entry.score += extra.score
        entry.mentions += extra.mentions
        entry.reasons.extend(extra.reasons)


def _operating_councils(doc: Document, text: str, published: dt.date | None, evidence: dict) -> None:
    """A care-setting story about homes or an agency a council runs: that council is named in the evidence, never a
    subject (round 6: the council of a home or school is not judged by the story)."""
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    codes = setting_operators(doc.title, text, published, headings)
    if codes:
        evidence["mentioned_not_subject"] = [f"{display_name(c)} (runs the care settings the story grades)"
                                             for c in codes]


def _record_grade(doc: Document, text: str, chosen: list[str], published: dt.date | None, outcome,
                  outcome_level: str, severity_evidence: list) -> None:
    """The main council's grade from the official record, when the text states none but dates the inspection (or
    the visit after it)."""
    if doc.severity[0]:
        return
    fill = record_grade(chosen[0], text, published, doc.published is not None, doc.year, outcome, outcome_level,
                        len(chosen) == 1)
    if fill is not None:
        doc.severity[0] = fill.grade
        severity_evidence.insert(0, fill.evidence(doc.council[0]))
        # Round 12: councils made from one split council on the same day inherited the same standing grade (North
        # and West Northamptonshire, the 2019 inadequate ILACS): a page about both gives the record's fill to both
        for i, code in enumerate(chosen[1:], start=1):
            if not doc.severity[i] and split_siblings(chosen[0], code):
                doc.severity[i] = fill.grade
                severity_evidence.append(fill.evidence(doc.council[i], f"(inherited with {doc.council[0]} from the "
                                                                       "council both replaced)"))


def _record_grade_by_section(doc: Document, sections: dict[int, str], published: dt.date | None,
                             severity_evidence: list) -> None:
    """Round 14: a round-up in sections, one headed by each council's name, is read section by section like one-council
    pages: a section that dates the inspection its visit follows takes the record's grade as a page would."""
    for i, code in enumerate(doc.council_code):
        if doc.severity[i]:
            continue
        section = "\n".join(p.text for p in doc.paragraphs if sections.get(p.n) == code)
        if not section:
            continue
        fill = record_grade(code, section, published, doc.published is not None, doc.year, None, "", True)
        if fill is not None:
            doc.severity[i] = fill.grade
            severity_evidence.append(fill.evidence(doc.council[i], "(its own section of a round-up)"))


def _record_check(doc: Document, chosen: list[str], severity_evidence: list, kept: set = frozenset()) -> None:
    """Round 14: a printed story just after a council's graded report gives that report's grade, whatever the text
    was read as saying (record_check.py); not for the councils in `kept`."""
    if doc.published is None:
        return
    for i, code in enumerate(chosen):
        if code in kept:
            continue
        check = record_overrules(code, doc.severity[i], doc.published)
        if check is None:
            continue
        read_as, doc.severity[i] = doc.severity[i], check.grade
        for entry in severity_evidence:
            if entry["council"] == doc.council[i]:
                entry.update(value=check.grade, confidence=confidence.OFFICIAL,
                             source=f"official grade of the report published {check.published.isoformat()}, within "
                                    f"weeks of the printed date (the text read as “{read_as}”)")


def _fill_end_states(doc: Document, sentences: list, chosen: list[str], day: dt.date | None,
                     published: dt.date | None, severity_evidence: list) -> None:
    """A subject council the text moves out of a grade without naming the grade reached ("no longer inadequate"):
    its official grade on the article's date (the printed one, else the linked report's)."""
    if day is None:
        return
    for i, code in enumerate(chosen):
        if doc.severity[i] or not left_without_end_state(sentences, code, published):
            continue
        official = official_grade_on(code, day)
        if official:
            doc.severity[i] = official
            severity_evidence.append({"council": doc.council[i], "value": official,
                                      "source": f"official grade on {day.isoformat()} (the text says the council "
                                                "left a grade and names none reached)",
                                      "confidence": confidence.OFFICIAL if published else confidence.INFERRED})


def _fill_undated_standing(doc: Document, text: str, chosen: list[str], published: dt.date | None,
                           severity_evidence: list) -> None:
    """Round 15: an undated one-council page naming a grade the record has standing all through its year."""
    if published is not None or len(chosen) != 1 or doc.severity[0]:
        return
    fill = undated_named_standing(chosen[0], text, doc.year)
    if fill is not None:
        doc.severity[0] = fill.grade
        severity_evidence.insert(0, fill.evidence(doc.council[0]))


def _fill_followed_inspection(doc: Document, text: str, chosen: list[str], published: dt.date | None,
                              severity_evidence: list) -> None:
    """Round 22: a gradeless one-council page that dates the graded inspection it follows (followed_inspection.py)."""
    if len(chosen) != 1 or doc.severity[0]:  # each kind has its switch (settings.ROUND22_FOLLOWED_*)
        return
    fill = followed_fill(chosen[0], text, doc.year, new_full_inspection(text), published)
    if fill is not None:
        doc.severity[0] = fill.grade
        severity_evidence.insert(0, fill.evidence(doc.council[0]))


def _fill_fallback_grade(doc: Document, sentences: list, chosen: list[str], published: dt.date | None,
                         severity_evidence: list, weighed: bool) -> None:
    """Round 27: a one-council page's council still gradeless takes the one grade of the earliest cued sentence naming no one
    else (fallback_grade.py), marked inferred."""
    if not settings.ROUND27_FALLBACK_GRADE or len(chosen) != 1 or doc.severity[0]:  # one-council pages only
        return
    if weighed and settings.ROUND28_FALLBACK_UNWEIGHED:
        return  # round 28: the rules weighed grade statements of this council and chose none: an empty on purpose
    found = fallback_grade(sentences, chosen[0], published)
    if found is not None:
        doc.severity[0] = found[0]
        severity_evidence.insert(0, {"council": doc.council[0], "value": found[0], "source": "text (fallback: the "
                                     "earliest cued sentence with one grade and no other council or area)",
                                     "text": [found[1][:200]], "confidence": confidence.INFERRED})


def _fill_membership(doc: Document, sentences: list, chosen: list[str], published: dt.date | None,
                     severity_evidence: list) -> None:
    """Round 15: a subject with no grade the text names as one of a group of councils holding a grade."""
    texts = [s.text for s in sentences]
    for i, code in enumerate(chosen):
        if doc.severity[i]:
            continue
        grade, support = member_grade(texts, code, published)
        if grade:
            doc.severity[i] = grade
            severity_evidence.append({"council": doc.council[i], "value": grade,
                                      "source": "text (named as one of a group of councils holding the grade)",
                                      "text": [m.sentence[:200] for m in support[:3]],
                                      "confidence": confidence.STATED})


def _subject_weight(statement) -> float:
    """How much a grade statement makes its council a subject: a council graded for one area ("outstanding for
    leadership") is a subject of the article even though that grade never becomes its overall one."""
    return max(statement.weight, 1.0) if statement.sub_area else statement.weight


def _publisher_scores(doc: Document, text: str, published: dt.date | None) -> dict[str, CouncilScore]:
    """A page naming no council in its text, published by one (its newsroom, its minutes): that council."""
    code, line = publisher_council(doc, text, published)
    if not code:
        return {}
    return {code: CouncilScore(code, 1.0, 0, [f"the page's publisher: “{line}”"])}


def _area_judgements(doc: Document, sentences: list, evidence: dict) -> None:
    """A one-council article's sub-judgements from its prose (ranking uses them; never the overall grade)."""
    found = article_subjudgements([s.text for s in sentences])
    if found and not doc.subjudgements:
        doc.subjudgements = found
        evidence["subjudgements"] = {"value": found, "source": "the article's sentences that grade one area"}


def _shift_past_december(doc: Document, text: str, month: int) -> None:
    """A judgement given 'last December' was published the year before the article."""
    shift = past_december_shift(text, month)
    if shift:
        doc.year += shift
        doc.facet_evidence["year"]["value"] = doc.year
        doc.facet_evidence["year"]["source"] += "; the article says “last December”, so a year later"


def _shift_last_year(doc: Document, text: str, outcome) -> None:
    """A judgement the article says came 'last year': the article is from the year after the inspection."""
    if not judged_last_year(text):
        return
    inspected = (outcome.end or outcome.published).year
    if outcome.published and names_publication_month(text, outcome.published):
        inspected = outcome.published.year  # round 6: the text dates the report itself ("published in May 2023")
    if doc.year != inspected + 1:
        doc.year = inspected + 1
        doc.facet_evidence["year"]["value"] = doc.year
        doc.facet_evidence["year"]["source"] += (f"; the article says the judgement came “last year” (inspected "
                                                 f"{inspected}), so {doc.year}")


def _visit_after_anchor(doc: Document, text: str, outcome) -> bool:
    """Round 9: a page about a visit after the inspection it names takes the visit's year where the text counts from
    that inspection, and no year where it does not (the inspection is a lower bound, not the page's date)."""
    applies, year, why = visit_after_anchor(text, outcome)
    if not applies:
        return False
    doc.year = year
    doc.facet_evidence["year"] = {"value": year, "source": why, "confidence": confidence.INFERRED} if year else None
    doc.facet_evidence["year_reasoning"] = why
    confidence.record(doc, "year", confidence.INFERRED if year else None)
    return True


def _dated_span_over_inferred(doc: Document, text: str) -> None:
    """Round 9: a span the page counts from a dated start ("introduced in May 2012" … "in the last 16 months") dates
    the page itself, which an inspection only inferred to be the one it reports does not."""
    year, why = months_after_start(text)
    if year and doc.year and year != doc.year:
        _take_inferred_year(doc, year, why)


def _last_year_anchor(doc: Document, code: str, text: str) -> None:
    """Round 9: 'rated inadequate in July last year' dates the page a year after the council's report of that month."""
    year, _, why = year_after_last_year_anchor(text, code)
    if year:
        _take_inferred_year(doc, year, why)


def _last_year_over_record(doc: Document, code: str, text: str, outcome) -> None:
    """Round 30: 'rated inadequate in September last year' names the council's one report with that grade (and
    month): the page is from the year after it, over another inspection the record link chose by looser clues (an
    estimated month), never over a printed or stated year."""
    if doc.confidence.get("year") == confidence.STATED:
        return
    year, anchor, why = year_after_last_year_anchor(text, code)
    if year and anchor is not None and anchor is not outcome and year != doc.year:
        _take_inferred_year(doc, year, why + " (over the record's link to another inspection)")


def _annual_report_span(doc: Document, text: str, published: dt.date | None) -> None:
    """Round 27: an undated page reporting Ofsted's annual report takes the year of the span it covers, over a year
    only inferred (the record's inspection of a council it lists, the latest dated event)."""
    if published or not settings.ROUND27_ANNUAL_REPORT_SPAN:
        return
    if doc.confidence.get("year") in (confidence.STATED, confidence.OFFICIAL):
        return
    year, why = annual_report_year(text)
    if year and year != doc.year:
        _take_inferred_year(doc, year, why)


def _take_inferred_year(doc: Document, year: int, why: str) -> None:
    """Set an inferred year with its reasoning."""
    doc.year = year
    doc.facet_evidence["year"] = {"value": year, "source": why, "confidence": confidence.INFERRED}
    doc.facet_evidence["year_reasoning"] = why
    confidence.record(doc, "year", confidence.INFERRED)


def _pending_year(doc: Document, code: str, text: str) -> None:
    """An undated page waiting on a finished inspection's result: the year the official record places it in."""
    year, why = pending_year(code, text)
    if year:
        doc.year = year
        doc.facet_evidence["year"] = {"value": year, "source": why, "confidence": confidence.INFERRED}
        doc.facet_evidence["year_reasoning"] = why
        confidence.record(doc, "year", confidence.INFERRED)


def _tally_year(doc: Document, text: str, published: dt.date | None) -> None:
    """Round 29: an undated page still without a year whose single-framework tally matches the record's running count
    on one day takes that day's year, inferred (national_tally.py)."""
    if doc.year or published or not settings.ROUND29_SIF_TALLY:
        return
    found = tally_year(text)
    if found:
        _take_inferred_year(doc, found.year, found.why)


def _focused_visit_gap(doc: Document, code: str, text: str) -> None:
    """Round 29: an undated focused-visit page takes the middle of the gap between the inspection it names and the
    council's next one in the record, inferred (visit_between.py); so does one the record dated by that inspection
    itself (the year of the inspection the visit follows, or an earlier one, is never the visit's)."""
    if doc.year and (doc.confidence.get("year") == confidence.STATED or doc.published is not None):
        return
    found = focused_visit_year(text, code)
    if found and (not doc.year or doc.year <= found.anchor_year):
        _take_inferred_year(doc, found.year, found.why)


def _empty_year_fallback(doc: Document, text: str, chosen: list[str], grades: list[str]) -> None:
    """Round 14: an undated page still without a year takes the record's one inspection its words fit, inferred."""
    if doc.year:
        return
    found = fallback_year(text, chosen, grades)
    if found:
        _take_inferred_year(doc, found.year, found.why)
    elif settings.ROUND33_ROUNDUP_YEAR:
        year, why = shared_record_year(chosen, grades)  # round 33: the one year a round-up's grades share
        if year:
            _take_inferred_year(doc, year, why)


def _without_view_date(doc: Document, text: str) -> str:
    """Round 24: the text without the header date set aside as the day the page was viewed (a crawl's date is no
    past event the page names, so it sets no floor)."""
    header = doc.meta.get("header_date_not_dateline") if settings.ROUND24_VIEW_DATE_FLOOR else None
    if not header:
        return text
    for shape in (header, header.lstrip("•|*· ").strip()):
        if shape and shape in text:
            return text.replace(shape, " ", 1)
    return text


def _raise_to_floor(doc: Document, text: str, code: str) -> None:
    """Round 15: an undated page's inferred year below the latest past event it names is a later one, inferred."""
    if not doc.year or doc.confidence.get("year") == confidence.STATED:
        return
    raised = raised_year(text, code, doc.year)
    if raised:
        _take_inferred_year(doc, raised.year, raised.why)


def _weekday_year(doc: Document, text: str) -> None:
    """Round 16: an undated page's weekday-dates ("on Thursday 20 October") allow only a few years; a year outside
    them moves to the nearest one at or above the page's floor, inferred."""
    if doc.confidence.get("year") == confidence.STATED:
        return
    found = weekday_year(text, doc.year)
    if found:
        _take_inferred_year(doc, found.year, found.why)


def _visit_page_year(doc: Document, text: str) -> None:
    """Round 20: an undated visit page's year from its visit's dates, else a count of visits, else "N years after"."""
    # The record holds no visits, so its next inspection is no date for a visit's page; each rule only replaces
    # an inferred year.
    if doc.confidence.get("year") in (confidence.STATED, confidence.OFFICIAL):
        return
    latest = latest_event_year(text)[0]
    dated = dated_visit_range(text, latest)
    if dated:  # the visit's own dates beat a count of visits
        if dated.fit(doc.year) != doc.year:
            _take_inferred_year(doc, dated.fit(doc.year), dated.why)
        return
    found = counted_visit_year(text, latest)
    if not found:
        found = years_after_year(text, latest)
        # round 28: the count lands on the council's one recorded inspection with the stated grade: its report's year
        if found and settings.ROUND28_YEARS_AFTER_RECORD and doc.council_code and doc.severity:
            found = record_year(found, doc.council_code[0], doc.severity[0], text) or found
    if found and found.year != doc.year:
        _take_inferred_year(doc, found.year, found.why)


def _span_on_anchor(doc: Document, text: str, outcome) -> None:
    """Round 30: an undated page counting a span on from the judgement the record links it to ("nine months on from
    the damning report") is from the report's day plus the span, never from the judgement's own year (span_on.py)."""
    if not settings.ROUND30_SPAN_ON or doc.confidence.get("year") == confidence.STATED or outcome is None:
        return
    found = span_on_year(text, outcome)
    if found and (not doc.year or doc.year <= outcome.published.year) and found.year != doc.year:
        _take_inferred_year(doc, found.year, found.why)


def _years_ago_anchor(doc: Document, text: str, outcome) -> None:
    """Round 31: an undated visit page telling whole years back to the judgement it follows ("rated inadequate two
    years ago", "after two years of uncertainty") is from that judgement's year plus the count (years_ago.py)."""
    if (not settings.ROUND31_YEARS_AGO or len(doc.council_code) != 1
            or doc.confidence.get("year") in (confidence.STATED, confidence.OFFICIAL)):
        return
    grade = doc.severity[0] if doc.severity else ""
    found = years_ago_year(text, doc.council_code[0], grade, outcome, doc.year)
    if found and found.year != doc.year:
        _take_inferred_year(doc, found.year, found.why)


def _calendar_fallback(doc: Document, text: str) -> None:
    """An undated article with no linked inspection: a year from Ofsted's calendar, marked inferred."""
    if doc.year:
        return
    year, why = calendar_year(text)
    if year:
        doc.year = year
        doc.facet_evidence["year"] = {"value": year, "source": why, "confidence": confidence.INFERRED}
        doc.facet_evidence["year_reasoning"] = why
        confidence.record(doc, "year", confidence.INFERRED)
