"""Ablation of the facet rules: switch off one rule at a time and count the facet values it changes.

A *switch* is one rule of the council and severity pipeline: one alternative (top-level branch) of one of the
rule modules' regular expressions, or one mechanism (a function of `annotate/`, replaced by the value it gives
when it finds nothing). The switches are all listed here (`switches()`), none in the rule code: a switch is
turned off by patching the object wherever the `indexer` modules hold it, for one run, and restored after.

One recorded run finds, for every switch, the documents on which its rule fired at all; only those are annotated
again with the rule off (a rule that never fires on a document cannot change it). Each changed facet value is
counted right -> wrong (the rule helps there) or wrong -> right (the rule hurts there) against the labels of
news articles and the manifest of real reports.
"""
from __future__ import annotations

import copy
import csv
import importlib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from indexer.grades import grades_agree, normalise_grade
from indexer.ingest.documents import annotate_within_limit
from indexer.ingest.extract import read_document
from indexer.models import Document
from indexer.quality.evaluate_news import _check, load_labels

FACETS = ("council", "severity", "year")
# The rule modules of the council and severity pipeline whose regular expressions are switched branch by branch.
RULE_MODULES = ("severity", "grade_context", "attribution", "places", "partners", "provider", "predecessors",
                "roundup_lists", "result_lines", "end_state", "successors", "not_yet", "scale", "person_names",
                "council", "publisher", "movement", "visits", "setting_operator", "dated_standing", "record_grade",
                "aims")
_PACKAGE = "indexer.ingest.annotate."
_NEVER = "(?!)"


@dataclass(frozen=True)
class Mechanism:
    """A function switched off as a whole: `off` gives what it returns when its rule finds nothing."""

    module: str
    name: str
    off: Callable
    what: str


def _none(*_a, **_k):
    """A step that does nothing."""
    return None


# The mechanisms, each named after what it decides (one list; add a line to add a switch).
MECHANISMS = (
    Mechanism("council", "is_school_inspection", lambda *a, **k: (False, ""), "a school-inspection article has no council"),
    Mechanism("provider", "is_setting_inspection", lambda *a, **k: (False, ""), "a care setting's story has no council"),
    Mechanism("publisher", "section_councils", lambda *a, **k: [], "a section headed by a council is about it"),
    Mechanism("publisher", "paragraph_sections", lambda *a, **k: {}, "a grade under a council's heading is its"),
    Mechanism("publisher", "publisher_council", lambda *a, **k: (None, ""), "a page's publisher is its council"),
    Mechanism("result_lines", "result_lines", lambda *a, **k: [], "'Name - Grade' result lines"),
    Mechanism("predecessors", "replaced_councils", lambda *a, **k: set(), "a replaced council is never the main one"),
    Mechanism("roundup_lists", "listed_councils", lambda *a, **k: set(), "councils of an introduced list are subjects"),
    Mechanism("end_state", "left_without_end_state", lambda *a, **k: False, "'no longer X' makes a subject"),
    Mechanism("partners", "partner_only", lambda *a, **k: set(), "a council named only as a partner is no subject"),
    Mechanism("successors", "split_into_successors", lambda chosen, *a, **k: (chosen, {}),
              "a split county stands for its successors"),
    Mechanism("article", "_record_grade", _none, "the record fills a grade the text dates but does not state"),
    Mechanism("record_grade", "_visit_fill", lambda *a, **k: None, "a visit page keeps the standing grade"),
    Mechanism("record_grade", "_dated_latest", lambda *a, **k: None, "a page dating the standing inspection"),
    Mechanism("record_grade", "announces_inspection", lambda *a, **k: False, "an inspection to come has no grade"),
    Mechanism("record_grade", "_reports_first_since", lambda *a, **k: None,
              "'the first inspection since 2012' dates the report just out"),
    Mechanism("article", "_file_under_predecessor", _none, "'the old county council' is the replaced council"),
    Mechanism("article", "_fill_end_states", _none, "an end state without a grade takes the official one"),
    Mechanism("not_yet", "not_yet_good", lambda *a, **k: False, "'not yet good' is requires improvement"),
    Mechanism("scale", "names_the_scale", lambda *a, **k: False, "a sentence naming the scale grades nothing"),
    Mechanism("attribution", "earlier_members", lambda *a, **k: [], "'the third after A and B', 'as did Y'"),
    Mechanism("attribution", "_bracketed_council", lambda *a, **k: [], "'Kent (good)'"),
    Mechanism("attribution", "_joiner", lambda *a, **k: [], "'Kent joins A and B as …'"),
    Mechanism("attribution", "_counted_list", lambda text, mentions, position, after: after[0],
              "a counted list broken by a remark"),
    Mechanism("attribution", "headed_lists", lambda *a, **k: [], "'The outstanding councils were A, B' (round 21)"),
    Mechanism("attribution", "among_members", lambda *a, **k: [], "'…rated excellent, among them A, B' (round 21)"),
    Mechanism("attribution", "likened", lambda *a, **k: [], "'like them, D is rated …' (round 21)"),
    Mechanism("attribution", "_takes_last_grade", lambda *a, **k: False, "'Both A and B …', 'So was Y' inherit"),
    Mechanism("attribution", "refers_back", lambda *a, **k: False, "a sentence referring back to councils"),
    Mechanism("grade_context", "left_behind", lambda *a, **k: False, "a grade left behind"),
    Mechanism("grade_context", "is_past", lambda *a, **k: False, "a past grade"),
    Mechanism("grade_context", "is_generic", lambda *a, **k: False, "a grade spoken of in general"),
    Mechanism("grade_context", "is_tally", lambda *a, **k: False, "a tally"),
    Mechanism("grade_context", "is_target", lambda *a, **k: False, "a target"),
    Mechanism("grade_context", "is_alternative", lambda *a, **k: False, "grades offered as alternatives"),
    Mechanism("grade_context", "in_earlier_clause", lambda *a, **k: False, "a temporal clause's past grade"),
    Mechanism("grade_context", "hoped_for", lambda *a, **k: False, "a hoped-for grade"),
    Mechanism("aims", "aimed_at", lambda *a, **k: False, "a grade aimed at, neared or set as a condition (round 18)"),
    Mechanism("grade_context", "given_by_earlier_inspection", lambda *a, **k: "", "an earlier inspection's grade"),
    Mechanism("grade_context", "given_by_earlier_inspection_after", lambda *a, **k: "",
              "'at its previous inspection' after the grade"),
    Mechanism("grade_context", "dated_in_sentence", lambda *a, **k: "", "a grade placed in a year"),
    Mechanism("grade_context", "counts_councils", lambda *a, **k: False, "a sentence counting councils"),
    Mechanism("grade_context", "since_clause", lambda *a, **k: False, "a 'since … was rated' grade stands (round 9)"),
    Mechanism("same_body", "same_body", lambda *a, **k: {}, "a county and its same-named successor are one (round 9)"),
    Mechanism("severity", "says_overall", lambda *a, **k: False, "'overall' weights a grade"),
    Mechanism("severity", "grades_an_area", lambda *a, **k: False, "a grade of an area weighs less"),
)


@dataclass(frozen=True)
class Switch:
    """One rule that can be turned off: a regex branch or a mechanism."""

    name: str  # "severity._TARGET#3" or "partners.partner_only"
    what: str  # the branch's text, or the mechanism's description
    module: str
    attribute: str
    branch: int | None = None  # a regex's top-level alternative; None for a mechanism
    mechanism: Mechanism | None = None

    def original(self):
        """The object the switch replaces."""
        return getattr(importlib.import_module(_PACKAGE + self.module), self.attribute)

    def replacement(self):
        """What stands in for the original while the switch is off."""
        if self.mechanism is not None:
            return self.mechanism.off
        pattern = self.original()
        parts = top_level_branches(pattern.pattern)
        parts[self.branch] = _NEVER + parts[self.branch]
        return re.compile("|".join(parts), pattern.flags)


def top_level_branches(source: str) -> list[str]:
    """A pattern split at its top-level '|' (outside groups, classes and escapes)."""
    parts, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or source[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return parts


def switches(modules: tuple[str, ...] = RULE_MODULES) -> list[Switch]:
    """Every switch: each branch of each module-level regex of the rule modules, then the mechanisms."""
    out, seen = [], set()
    for name in modules:
        module = importlib.import_module(_PACKAGE + name)
        for attribute, value in sorted(vars(module).items()):
            if not isinstance(value, re.Pattern) or id(value) in seen:
                continue  # a pattern imported from another rule module is switched where it was first seen
            seen.add(id(value))
            parts = top_level_branches(value.pattern)
            for k, part in enumerate(parts):
                switch = Switch(f"{name}.{attribute}" + (f"#{k + 1}" if len(parts) > 1 else ""),
                                " ".join(part.split())[:90], name, attribute, k)
                try:
                    switch.replacement()
                except re.error:
                    continue  # a branch that cannot stand alone (a global flag): not switchable
                out.append(switch)
    out += [Switch(f"{m.module}.{m.name}", m.what, m.module, m.name, mechanism=m) for m in MECHANISMS]
    return out


def _holders(original) -> list[tuple[object, str]]:
    """(module, attribute) wherever an `indexer` module holds the object."""
    return [(mod, attr) for mod_name, mod in list(sys.modules.items())
            if mod_name.startswith("indexer") and mod is not None
            for attr, value in list(vars(mod).items()) if value is original]


class _Patched:
    """Objects replaced in every module that holds them, restored on exit."""

    def __init__(self, replacements: list[tuple[object, object]]):
        self.replacements = replacements
        self.saved: list[tuple[object, str, object]] = []

    def __enter__(self):
        """Put every replacement in place."""
        for original, new in self.replacements:
            for mod, attr in _holders(original):
                self.saved.append((mod, attr, original))
                setattr(mod, attr, new)
        return self

    def __exit__(self, *exc):
        """Put every original back."""
        for mod, attr, original in reversed(self.saved):
            setattr(mod, attr, original)
        return False


class _Recorder:
    """Stands in for a pattern or a function in the recorded run: notes each document on which it fired."""

    current: str = ""

    def __init__(self, original, key: str, hits: dict[str, set[str]], off: Callable | None = None):
        self._original, self._key, self._hits, self._off = original, key, hits, off

    def _note(self, fired: bool) -> None:
        """Remember the current document when the rule fired."""
        if fired:
            self._hits[self._key].add(_Recorder.current)

    def __call__(self, *args, **kwargs):
        """A mechanism: fired when it gives anything but its off value (a step that only acts always fires)."""
        result = self._original(*args, **kwargs)
        self._note(self._off is None or self._off is _none or result != self._off(*args, **kwargs))
        return result

    def search(self, *a, **k):
        """Pattern.search, noted."""
        found = self._original.search(*a, **k)
        self._note(found is not None)
        return found

    def match(self, *a, **k):
        """Pattern.match, noted."""
        found = self._original.match(*a, **k)
        self._note(found is not None)
        return found

    def fullmatch(self, *a, **k):
        """Pattern.fullmatch, noted."""
        found = self._original.fullmatch(*a, **k)
        self._note(found is not None)
        return found

    def finditer(self, *a, **k) -> Iterator:
        """Pattern.finditer, noted."""
        found = list(self._original.finditer(*a, **k))
        self._note(bool(found))
        return iter(found)

    def findall(self, *a, **k):
        """Pattern.findall, noted."""
        found = self._original.findall(*a, **k)
        self._note(bool(found))
        return found

    def sub(self, repl, string, *a, **k):
        """Pattern.sub, noted."""
        out, n = self._original.subn(repl, string, *a, **k)
        self._note(n > 0)
        return out

    def subn(self, *a, **k):
        """Pattern.subn, noted."""
        out = self._original.subn(*a, **k)
        self._note(out[1] > 0)
        return out

    def split(self, *a, **k):
        """Pattern.split, noted."""
        out = self._original.split(*a, **k)
        self._note(len(out) > 1)
        return out

    def __getattr__(self, name):
        """Everything else (`.pattern`, `.flags`) from the original."""
        return getattr(self._original, name)


@dataclass
class Item:
    """One labelled document: an article with its label, or a real report with its manifest row."""

    id: str
    doc: Document  # as read, never annotated (each run annotates a copy)
    label: object = None
    row: dict | None = None


def load_items(labels_files: list[Path], manifest: Path | None = None) -> list[Item]:
    """Every labelled article and every readable report of the manifest, read once."""
    items = []
    for path in labels_files:
        for label in load_labels(path):
            if label.file.exists():
                doc = read_document(label.file, {"url": label.url} if label.url else None)
                if not doc.error:
                    items.append(Item(label.id, doc, label=label))
    if manifest is not None:
        with manifest.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                doc = read_document(manifest.parent / row["file"])
                if not doc.error:
                    items.append(Item(row["file"], doc, row=row))
    return items


def _scores(item: Item) -> dict[str, bool]:
    """Right or wrong per facet, the item annotated afresh with whatever rules are in force."""
    doc = annotate_within_limit(copy.deepcopy(item.doc))
    if item.label is not None:
        return {c.facet: c.ok for c in _check(item.label, doc)}
    row = item.row
    year = int(row["publication_date"][:4]) if row.get("publication_date") else None
    grade = normalise_grade(row.get("overall_grade"))
    return {"council": row.get("la_code") in doc.council_code and len(doc.council_code) == 1,
            "year": doc.year == year,
            "severity": grades_agree(doc.severity[0], grade) if grade and doc.severity else not grade and not doc.severity}


def _clear_caches() -> None:
    """Forget every remembered result of the indexer's functions (a patched rule must be read again)."""
    for name, mod in list(sys.modules.items()):
        if name.startswith("indexer") and mod is not None:
            for value in list(vars(mod).values()):
                if hasattr(value, "cache_clear") and callable(value):
                    value.cache_clear()


@dataclass
class Effect:
    """What turning one switch off changed: per facet, the ids that went right -> wrong and wrong -> right."""

    switch: Switch
    fired: int  # documents on which the rule fired
    helps: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # right with it, wrong without
    hurts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # wrong with it, right without

    def net(self, facets: tuple[str, ...] = ("council", "severity")) -> int:
        """Values the rule gets right minus those it gets wrong, over `facets`."""
        return sum(len(self.helps[f]) - len(self.hurts[f]) for f in facets)

    def articles_helped(self, facets: tuple[str, ...] = ("council", "severity")) -> set[str]:
        """The documents the rule puts right on `facets`."""
        return {i for f in facets for i in self.helps[f]}

    def articles_hurt(self, facets: tuple[str, ...] = ("council", "severity")) -> set[str]:
        """The documents the rule puts wrong on `facets`."""
        return {i for f in facets for i in self.hurts[f]}


def ablate(items: list[Item], chosen: list[Switch] | None = None,
           progress: Callable[[str], None] | None = None) -> tuple[dict[str, dict[str, bool]], list[Effect]]:
    """The baseline scores of every item and, for every switch, what turning it off changes."""
    chosen = switches() if chosen is None else chosen
    hits: dict[str, set[str]] = defaultdict(set)
    recorders = [(sw.original(), _Recorder(sw.original(), sw.name.split("#")[0], hits,
                                           sw.mechanism.off if sw.mechanism else None))
                 for sw in _unique_objects(chosen)]
    baseline = {}
    _clear_caches()
    with _Patched(recorders):
        for item in items:
            _Recorder.current = item.id
            baseline[item.id] = _scores(item)
    effects = []
    by_id = {item.id: item for item in items}
    for n, switch in enumerate(chosen, 1):
        fired = sorted(hits.get(switch.name.split("#")[0], ()))
        effect = Effect(switch, len(fired))
        if fired:
            _clear_caches()
            with _Patched([(switch.original(), switch.replacement())]):
                for item_id in fired:
                    now = _scores(by_id[item_id])
                    for facet in FACETS:
                        if baseline[item_id][facet] and not now[facet]:
                            effect.helps[facet].append(item_id)
                        elif not baseline[item_id][facet] and now[facet]:
                            effect.hurts[facet].append(item_id)
            _clear_caches()
        effects.append(effect)
        if progress:
            progress(f"{n}/{len(chosen)} {switch.name}: fired on {len(fired)}")
    return baseline, effects


def _unique_objects(chosen: list[Switch]) -> list[Switch]:
    """One switch per patched object (the branches of one regex share one recorder)."""
    seen, out = set(), []
    for sw in chosen:
        key = sw.name.split("#")[0]
        if key not in seen:
            seen.add(key)
            out.append(sw)
    return out


def format_effects(effects: list[Effect], only_changing: bool = True) -> str:
    """A table: switch, documents fired on, then per facet helps (+) / hurts (-) with the ids."""
    lines = [f"{'switch':44s} {'fired':>5s}  council      severity     year"]
    for e in effects:
        if only_changing and not any(e.helps[f] or e.hurts[f] for f in FACETS):
            continue
        cells = "  ".join(f"+{len(e.helps[f]):<3d}-{len(e.hurts[f]):<3d}  " for f in FACETS)
        ids = "; ".join(f"{f}: +{','.join(e.helps[f]) or '-'} -{','.join(e.hurts[f]) or '-'}" for f in FACETS
                        if e.helps[f] or e.hurts[f])
        lines.append(f"{e.switch.name:44s} {e.fired:5d}  {cells}{ids}\n{'':50s}{e.switch.what}")
    return "\n".join(lines)


def effects_as_dict(effects: list[Effect]) -> list[dict]:
    """JSON-friendly effects: every switch with where it fired and what it changed."""
    return [{"switch": e.switch.name, "what": e.switch.what, "fired": e.fired,
             "helps": {f: e.helps[f] for f in FACETS if e.helps[f]},
             "hurts": {f: e.hurts[f] for f in FACETS if e.hurts[f]}} for e in effects]
