"""Facet values for a Document: council, year, severity, sub-judgements, the official outcome, and evidence."""
from __future__ import annotations

import datetime as dt
import re

from .. import settings
from ..grades import grades_agree
from ..models import Document, Outcome
from . import outcomes as outcome_table
from .council import is_school_inspection, report_council, score_councils
from .gazetteer import display_name, find_mentions, resolve_mention
from .severity import GradeStatement, decide, grade_statements, report_overall, report_subjudgements
from .text_units import document_sentences
from .year import dateline, inspection_end_from_text, outcome_from_text, year_from_url

# An Ofsted report's cover, as opposed to, say, a news article saved as PDF that mentions Ofsted.
_REPORT_COVER = re.compile(r"\b(inspection dates?|inspection of|inspection report|annual performance assessment"
                           r"|annual children['’]s services assessment|inspection date)\b", re.IGNORECASE)


def annotate(doc: Document) -> Document:
    """Fill council, council_code, year, severity, sub-judgements, outcome and evidence in place."""
    evidence: dict = {}
    doc.facet_evidence = evidence
    raw = doc.meta.get("raw_text", "")
    published, source = _published(doc, raw)
    if published:
        evidence["published"] = {"value": published.isoformat(), "source": source}
    first_page = doc.meta.get("first_page_text", "")
    if doc.kind == "pdf" and _REPORT_COVER.search(first_page):
        _annotate_report(doc, raw, first_page, published, evidence)
    else:
        _annotate_article(doc, raw, published, evidence)
    return doc


def _published(doc: Document, raw: str) -> tuple[dt.date | None, str]:
    """The publication date from metadata, the URL, or a dateline; never a copyright or archive date."""
    if doc.published:
        return doc.published, doc.meta.get("published_source", "metadata")
    year, why = year_from_url(doc.url)
    if year:
        return dt.date(year, 7, 1), why  # only the year is used
    day, line = dateline(raw)
    if day:
        doc.published = day  # a printed full date: good enough to show and to sort by
        return day, f"dateline: “{line}”"
    return None, ""


def _annotate_report(doc: Document, raw: str, first_page: str, published: dt.date | None, evidence: dict) -> None:
    """An inspection report: council from the cover, grade from the judgement table, year from the record."""
    end, end_line = inspection_end_from_text(first_page + "\n" + raw[:3000])
    code, why = report_council(first_page, published or end)
    if not code:
        _annotate_article(doc, raw, published, evidence)
        return
    doc.council, doc.council_code = [display_name(code)], [code]
    evidence["council"] = [{"value": doc.council[0], "code": code, "why": why}]
    outcome = None
    if end:
        outcome = outcome_table.by_inspection_end(code, end)
        evidence["inspection_end"] = {"value": end.isoformat(), "text": end_line}
    if outcome is None and published:
        outcome = outcome_table.by_publication(code, published)
    grade, grade_line = report_overall(raw)
    if not grade:  # no judgement table: read the opening as an article would be read
        grade, support = decide([st for p in doc.paragraphs[:15] for st in grade_statements(p.text, p.n)])
        grade_line = support[0].sentence if support else ""
    _set_year(doc, published, outcome, end)
    doc.subjudgements = report_subjudgements(raw)
    if doc.subjudgements:
        evidence["subjudgements"] = {"value": doc.subjudgements, "source": "report judgement table"}
    if grade:
        doc.severity = [grade]
        evidence["severity"] = [{"council": doc.council[0], "value": grade, "source": "report judgement",
                                 "text": grade_line}]
    elif outcome and outcome.overall:
        doc.severity = [outcome.overall]
        evidence["severity"] = [{"council": doc.council[0], "value": outcome.overall,
                                 "source": "official outcome (the report's own judgement was not found)"}]
    _link_outcome(doc, outcome, evidence)


def _set_year(doc: Document, published: dt.date | None, outcome: Outcome | None,
              inspection_end: dt.date | None) -> None:
    """Year from the publication date, else the linked official outcome, else an estimate from inspection dates."""
    evidence = doc.facet_evidence
    source = evidence.get("published", {}).get("source", "")
    if published:
        doc.year = published.year
        evidence["year"] = {"value": doc.year, "source": source}
    elif outcome and outcome.published:
        doc.year = outcome.published.year
        evidence["year"] = {"value": doc.year, "source": "official outcome publication date",
                            "published": outcome.published.isoformat()}
    elif inspection_end:
        estimate = inspection_end + dt.timedelta(days=45)
        doc.year = estimate.year
        evidence["year"] = {"value": doc.year, "source": "estimated: reports appear about six weeks after the "
                                                         f"inspection ended ({inspection_end.isoformat()})"}


def _link_outcome(doc: Document, outcome: Outcome | None, evidence: dict) -> None:
    """Attach the official outcome and say where the text and the record disagree."""
    if outcome is None:
        return
    record = outcome.as_dict()
    text_grade = doc.severity[0] if doc.severity else None
    official = outcome.overall or None
    if text_grade and official and not grades_agree(text_grade, official):
        record["disagreement"] = f"the document says {text_grade}; the official record says {official}"
    if doc.year and outcome.published and doc.year != outcome.published.year:
        record.setdefault("disagreement", f"the document's year {doc.year} differs from the official publication "
                                          f"year {outcome.published.year}")
    doc.outcomes = [record]
    evidence["official_outcome"] = {"framework": outcome.framework, "published": record["published"],
                                    "grade": official, **({"disagreement": record["disagreement"]}
                                                          if "disagreement" in record else {})}


def _annotate_article(doc: Document, raw: str, published: dt.date | None, evidence: dict) -> None:
    """A news article or web page: subject councils by weighted mentions, grades from rating statements."""
    text = "\n".join(p.text for p in doc.paragraphs)
    school, why = is_school_inspection(doc.title, text)
    if school:
        evidence["council"] = []
        evidence["not_children_services"] = f"reads as a school-inspection article ({why}): no council facet"
        _set_year(doc, published, None, None)
        return
    sentences = document_sentences(doc)
    scores = score_councils(sentences, published)
    if not scores:
        evidence["council"] = []
        _set_year(doc, published, None, None)
        return
    primary = max(scores.values(), key=lambda s: (s.score, s.mentions))
    attributed: dict[str, list[GradeStatement]] = {}
    for sentence in sentences:
        statements = grade_statements(sentence.text, sentence.paragraph)
        if not statements:
            continue
        mentions = [(m, resolve_mention(m.codes, published)) for m in find_mentions(sentence.text) if not m.is_org]
        for st in statements:
            for code in _graded_councils(sentence.text, mentions, st.position) or [primary.code]:
                attributed.setdefault(code, []).append(st)
    chosen = [primary.code] + [
        code for code, entry in sorted(scores.items(), key=lambda kv: -kv[1].score)
        if code != primary.code and entry.score >= settings.SECONDARY_SHARE * primary.score
        and sum(s.weight for s in attributed.get(code, [])) >= settings.SECONDARY_MIN_GRADE_WEIGHT]
    doc.council = [display_name(c) for c in chosen]
    doc.council_code = chosen
    evidence["council"] = [{"value": display_name(c), "code": c, "score": round(scores[c].score, 1),
                            "mentions": scores[c].mentions, "why": scores[c].reasons[:3]} for c in chosen]
    mentioned_only = [display_name(c) for c in scores if c not in chosen]
    if mentioned_only:
        evidence["mentioned_not_subject"] = mentioned_only
    grades = []
    severity_evidence = []
    for code in chosen:
        grade, support = decide(attributed.get(code, []))
        grades.append(grade or "")
        if grade:
            severity_evidence.append({"council": display_name(code), "value": grade, "source": "text",
                                      "text": [s.sentence[:200] for s in support[:3]]})
    doc.severity = grades
    if len(chosen) > 1:
        _paragraph_councils(doc, chosen, published)
    outcome, outcome_why = outcome_from_text(text, chosen[:1], grades[0] or None, published)
    if outcome is None and published:
        outcome = outcome_table.by_publication(chosen[0], published, tolerance_days=14)
        outcome_why = "published within two weeks of the official report" if outcome else ""
    if outcome is not None:
        evidence["official_outcome_match"] = outcome_why
    if not published and outcome is not None and outcome.published:
        evidence["year_reasoning"] = outcome_why
    _set_year(doc, published, outcome, None)
    if not grades[0] and outcome is not None and (outcome.overall or outcome.subjudgements):
        official = outcome_table.official_grade(outcome)
        doc.severity[0] = official
        severity_evidence.insert(0, {"council": doc.council[0], "value": official,
                                     "source": "official outcome (the text states no current grade)"})
    evidence["severity"] = severity_evidence
    if len(chosen) == 1:
        _link_outcome(doc, outcome, evidence)
    doc.severity = doc.severity if any(doc.severity) else []


def _graded_councils(text: str, mentions: list, position: int) -> list[str]:
    """The council(s) a grade at `position` is about: the nearest named before it, with any councils
    coordinated with it ("Rotherham and Doncaster were judged…"); else the nearest after it."""
    before = sorted(((m, code) for m, code in mentions if m.end <= position), key=lambda mc: mc[0].start)
    if before:
        chosen = [before[-1]]
        for m, code in reversed(before[:-1]):
            if not re.fullmatch(r"\s*(,|and|&|,\s*and)\s*", text[m.end:chosen[-1][0].start]):
                break
            chosen.append((m, code))
        return list(dict.fromkeys(code for _, code in chosen))
    after = [(m.start - position, code) for m, code in mentions if m.start > position]
    return [min(after)[1]] if after else []


def _paragraph_councils(doc: Document, chosen: list[str], published: dt.date | None) -> None:
    """In a multi-council document, a paragraph naming particular subject councils is about those."""
    for para in doc.paragraphs:
        named = []
        for mention in find_mentions(para.text):
            code = resolve_mention(mention.codes, published)
            if not mention.is_org and code in chosen and display_name(code) not in named:
                named.append(display_name(code))
        para.council = named
