"""Commands that measure: evaluate (reports, news, judged queries) and benchmark."""
from __future__ import annotations

import json
from pathlib import Path

import click

from indexer import settings
from indexer.backends import IndexMissing
from indexer.cli.common import INDEX_OPTION


@click.command()
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV with file,council,la_code,publication_date,overall_grade columns.")
@click.option("--news", is_flag=True,
              help="Measure on labelled news articles (LABELS files; default tests/data/news_devset*.jsonl).")
@click.option("--queries", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Measure search quality on a judged query set (recall@10, nDCG@10, MRR) over --index.")
@INDEX_OPTION
@click.option("--no-misses", is_flag=True, help="News mode: print the summary only.")
@click.option("--pool", is_flag=True,
              help="Query mode: also list each query's returned documents that carry no judgement (to judge next).")
@click.option("--ablate", is_flag=True,
              help="News mode: turn each council/severity rule off in turn (with --manifest, over the reports too) "
                   "and count the values it puts right and wrong.")
@click.option("--crossval", is_flag=True,
              help="Score every judged query set (s and t: even ids) over --index, per set and per fold, with the "
                   "ranking constants --rank gives (docs/search.md, ranking round 14).")
@click.option("--crossval-search", is_flag=True,
              help="With --crossval: try each ranking constant's other values and each synonym line off, choose per "
                   "fold, and keep a change only where it holds on the other fold.")
@click.option("--rank", "rank", multiple=True, metavar="NAME=VALUE",
              help="With --crossval: a ranking constant of settings.Ranking to score with (repeatable).")
@click.option("--pages", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="News mode: read each labelled article from DIR/ID.txt (its real stored page text, kept outside "
                   "the repository) instead of its own-words fixture; articles without one are left out.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.argument("labels", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def evaluate(manifest: Path | None, news: bool, queries: Path | None, index_dir: Path, no_misses: bool, pool: bool,
             ablate: bool, crossval: bool, crossval_search: bool, rank: tuple[str, ...], pages: Path | None,
             as_json: bool, labels: tuple[Path, ...]) -> None:
    """Measure facet accuracy (reports, labelled news) or search quality (judged queries); list every miss.

    \b
    Examples:
      reportsearch evaluate --manifest ../shared/reports/manifest.csv
      reportsearch evaluate --news
      reportsearch evaluate --news tests/data/news_devset_a.jsonl --json
      reportsearch evaluate --news tests/data/news_heldout_i.jsonl --pages /tmp/i-src
      reportsearch evaluate --news --ablate --manifest ../shared/reports/manifest.csv
      reportsearch evaluate --queries tests/data/judged_queries.jsonl --index index/
      reportsearch evaluate --queries tests/data/judged_queries.jsonl --index index/ --pool
      reportsearch evaluate --queries tests/data/judged_queries.jsonl --database postgresql://localhost/reports
      reportsearch evaluate --crossval --index index/ --rank coverage_power=4.5 --rank synonyms_off="CSE;RI"
      reportsearch evaluate --crossval --crossval-search --index index/
    """
    if crossval or crossval_search or rank:
        _crossval(index_dir, crossval_search, rank)
        return
    if queries:
        from indexer.quality.evaluate_queries import evaluate_queries, format_query_report

        try:
            from indexer.cli.common import open_index

            backend = open_index(index_dir)
            database = getattr(backend, "db", None)  # PostgreSQL: name the server, never its password
            result = evaluate_queries(index_dir, queries, backend=backend,
                                      where=database.display_url() if database is not None else None)
        except (IndexMissing, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) if as_json
                   else format_query_report(result, pool=pool))
        return
    if ablate:
        _ablate(list(labels), manifest, as_json)
        return
    if news or labels:
        from indexer.quality.evaluate_news import default_labels, evaluate_news, format_news_report

        files = list(labels) or default_labels()
        if not files:
            raise click.UsageError("no labels files given and none found at tests/data/news_devset*.jsonl")
        result = evaluate_news(files, pages)
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2, default=str) if as_json
                   else format_news_report(result, show_misses=not no_misses))
        return
    if manifest is None:
        raise click.UsageError("give --manifest CSV (real reports), --news [LABELS...] (news articles) "
                               "or --queries FILE (judged queries)")
    from indexer.quality.evaluate_facets import evaluate_manifest, format_report

    report = evaluate_manifest(manifest)
    click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str) if as_json else format_report(report))


def _ablate(labels: list[Path], manifest: Path | None, as_json: bool) -> None:
    """The ablation table: each switch of `indexer/quality/ablation.py` off in turn."""
    from indexer.quality.ablation import ablate, effects_as_dict, format_effects, load_items
    from indexer.quality.evaluate_news import default_labels

    files = labels or default_labels()
    if not files:
        raise click.UsageError("no labels files given and none found at tests/data/news_devset*.jsonl")
    _, effects = ablate(load_items(files, manifest))
    click.echo(json.dumps(effects_as_dict(effects), ensure_ascii=False, indent=1) if as_json
               else format_effects(effects))


@click.command()
@click.option("--source", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=settings.shared_dir() / "reports", show_default=True, help="Folder of documents to measure on.")
@click.option("--paragraphs", "target", type=click.IntRange(1, 100_000_000), default=100_000, show_default=True,
              help="Scale both indexes to about this many paragraphs by repeating the corpus.")
@click.option("--http", is_flag=True, help="Also measure requests/s and latency through the waitress server.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the temporary indexes go (default: the system temp folder).")
@click.option("--from-files", is_flag=True,
              help="Also time `reportsearch rebuild --source` end to end over the reports saved as .txt, and the PDFs.")
@click.option("--no-tantivy", is_flag=True, help="Leave out the Tantivy column (it needs the bench extra).")
@click.option("--json", "as_json", is_flag=True)
def benchmark(source: Path, target: int, http: bool, workdir: Path | None, from_files: bool, no_tantivy: bool,
              as_json: bool) -> None:
    """Compare reportsearch with SQLite FTS5 and Tantivy on the same paragraphs and queries, in one run.

    Extracts the folder once (cached), builds every engine at the given size, runs >= 100 distinct
    sampled queries once on each, and prints p50/p95 per query kind with the ratios, where the engines'
    totals disagree and why, build rates, disk sizes, open time, first query and memory. Tantivy needs
    `pip install -e ".[bench]"` (left out, with a note, when missing).

    \b
    Examples:
      reportsearch benchmark --paragraphs 100000
      reportsearch benchmark --paragraphs 100000 --http --from-files
      reportsearch benchmark --paragraphs 1000000 --workdir /var/tmp
      reportsearch benchmark --paragraphs 300000 --database postgresql://localhost/postgres
    """
    from indexer.backends.postgres.cli import chosen_database
    from indexer.quality.bench.tantivy_engine import available
    from indexer.quality.benchmark import format_result, run

    if not no_tantivy and not available():
        click.echo("Tantivy is not installed: its column is left out (pip install -e \".[bench]\").", err=True)
    database = chosen_database()  # --database URL: the PostgreSQL backend as one more column
    result = run(source, target, http=http, log=lambda m: click.echo(m, err=True), workdir=workdir,
                 from_files=from_files, with_tantivy=not no_tantivy, database_url=database.url if database else None)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(format_result(result))


def _crossval(index_dir: Path, run_search: bool, rank: tuple[str, ...]) -> None:
    """Every judged set scored with the given constants; with `run_search`, the cross-validated search too."""
    from indexer.cli.common import open_index
    from indexer.quality import crossval as cv

    try:
        ranking = cv.parse_setting(rank)
        backend = open_index(index_dir)
        sets = cv.load_sets()
    except (IndexMissing, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not sets:
        raise click.ClickException("no judged query sets found under tests/data (run from the checkout)")
    click.echo(cv.format_scores(cv.score_all(backend, sets, ranking)))
    if run_search:
        base, trials = cv.search(backend, sets, ranking, cv.candidates(ranking, lines=cv.synonym_lines()))
        click.echo(cv.format_decisions(base, cv.decide(base, trials)))


COMMANDS = (evaluate, benchmark)
