"""Longest run of consecutive words that a fixture shares with its source page (the own-words check).

Both texts are reduced to words: HTML tags dropped, lower case, curly quotes and dashes folded, punctuation
ignored. The answer is the longest sequence of consecutive words found in both, by dynamic programming over the
two word lists (a few thousand words at most, so a plain O(n·m) table is quick enough).

    python -m indexer.quality.overlap tests/fixtures/news/a01-....html /path/to/source.txt
    python -m indexer.quality.overlap --tree /tmp/pages README.md docs/*.md $(git ls-files '*.py')

The second form checks the whole project (docs, code, tests) against a folder of stored pages kept outside the
repository: every run of 9 or more words a file shares with a page, across line breaks too.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_COMMON = frozenset({"the", "of", "and", "a", "in", "for", "to", "on", "at", "by", "i", "it", "s"})
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@dataclass(frozen=True)
class SharedRun:
    """The longest shared run: its length in words and the words themselves."""

    length: int
    words: tuple[str, ...]


def words(text: str) -> list[str]:
    """The comparable words of a text (markup dropped, case and typography folded)."""
    text = _TAG.sub(" ", text).translate(_FOLD).lower()
    return _WORD.findall(text)


def name_words(fixture: str, source: str = "") -> frozenset[str]:
    """Words capitalised inside a sentence and never written in lower case in either text, plus council names.

    A capitalised grade word ("rated 'Good'") also appears in lower case somewhere, so it is not taken for a name.
    """
    from indexer.ingest.annotate.gazetteer import authorities  # late: the check itself needs no gazetteer
    texts = [_TAG.sub(" ", t).translate(_FOLD) for t in (fixture, source)]
    capitalised = {m.group(1).lower() for m in re.finditer(r"(?<![.!?\n>\"'(:])\s+([A-Z][A-Za-z0-9']*)", texts[0])}
    lower = {w for t in texts for w in re.findall(r"\b[a-z][a-z0-9']*", t)}
    found = capitalised - lower
    for authority in authorities().values():
        found.update(w.lower() for w in re.findall(r"[A-Z][A-Za-z']*", authority.name))  # "with", "upon" stay words
    return frozenset(found - _COMMON)


def _without(text: list[str], titles: tuple[str, ...]) -> list[str]:
    """The word list with every occurrence of a title blanked out (a blank matches nothing)."""
    out = list(text)
    for title in titles:
        seq = words(title)
        for i in range(len(out) - len(seq) + 1):
            if seq and out[i:i + len(seq)] == seq:
                out[i:i + len(seq)] = [""] * len(seq)
    return out


def longest_shared_run(fixture: str, source: str, names: frozenset[str] = frozenset(),
                       titles: tuple[str, ...] = ()) -> SharedRun:
    """Longest run of consecutive words present in both texts; `names` and `titles` end a run (set aside)."""
    a, b = _without(words(fixture), titles), _without(words(source), titles)
    best, end = 0, 0
    previous = [0] * (len(b) + 1)
    for i, word in enumerate(a, 1):
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if word and word == other and word not in names:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, end = current[j], i
        previous = current
    return SharedRun(best, tuple(a[end - best:end]))


def measure(fixture: str, source: str, title: str = "") -> dict:
    """The record kept in a dev-set line: the raw longest run and the run with names and the headline aside."""
    raw = longest_shared_run(fixture, source)
    aside = longest_shared_run(fixture, source, name_words(fixture, source), (title,) if title else ())
    return {"longest": raw.length, "names_aside": aside.length}


@dataclass(frozen=True)
class SharedLine:
    """A place in a project file whose words run on for `length` words in one of the source pages."""

    file: str
    line: int
    length: int
    words: tuple[str, ...]
    source: str


def _shingles(sources: list[Path], n: int) -> dict[tuple[str, ...], str]:
    """Every run of `n` consecutive words of the source pages, with the first page holding it."""
    seen: dict[tuple[str, ...], str] = {}
    for source in sources:
        page = words(source.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(page) - n + 1):
            seen.setdefault(tuple(page[i:i + n]), source.name)
    return seen


def shared_lines(files: list[Path], sources: list[Path], n: int = 9) -> list[SharedLine]:
    """Every run of `n` or more consecutive words a project file shares with a source page (runs across line breaks
    included), reported at the line where it starts: the repository-wide form of the own-words check."""
    seen, found = _shingles(sources, n), []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        placed = [(word, number) for number, line in enumerate(text.splitlines(), 1) for word in words(line)]
        stream = [word for word, _ in placed]
        i = 0
        while i <= len(stream) - n:
            key = tuple(stream[i:i + n])
            if key not in seen:
                i += 1
                continue
            j = i + n
            while j < len(stream) and tuple(stream[j - n + 1:j + 1]) in seen:
                j += 1
            found.append(SharedLine(str(path), placed[i][1], j - i, tuple(stream[i:j]), seen[key]))
            i = j
    return found


def main_tree(argv: list[str]) -> int:
    """`--tree PAGES_DIR FILE...`: every run of 9+ words the files share with the pages (*.txt); exit 1 if any."""
    pages, files = Path(argv[0]), [Path(a) for a in argv[1:]]
    found = shared_lines(files, sorted(pages.glob("**/*.txt")))
    for hit in found:
        print(f"{hit.file}:{hit.line} [{hit.source}] {hit.length} words: {' '.join(hit.words)}")
    return 1 if found else 0


def main(argv: list[str]) -> int:
    """Print the longest shared runs of FIXTURE against each SOURCE; exit 1 when one (names aside) exceeds 8 words."""
    if argv[:1] == ["--tree"] and len(argv) >= 3:
        return main_tree(argv[1:])
    if len(argv) < 2:
        print("usage: python -m indexer.quality.overlap FIXTURE SOURCE [SOURCE...]\n"
              "       python -m indexer.quality.overlap --tree PAGES_DIR FILE...", file=sys.stderr)
        return 2
    fixture = Path(argv[0]).read_text(encoding="utf-8")
    worst = 0
    for source in argv[1:]:
        text = Path(source).read_text(encoding="utf-8")
        names = name_words(fixture, text)
        raw, aside = longest_shared_run(fixture, text), longest_shared_run(fixture, text, names)
        worst = max(worst, aside.length)
        print(f"raw {raw.length:3d}  names aside {aside.length:3d}  {source}\n  raw: {' '.join(raw.words)}"
              f"\n  aside: {' '.join(aside.words)}")
    return 1 if worst > 8 else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
