"""Fetching Ofsted's children's-services reports into a folder that `rebuild` / `update` index.

Modules: client (polite HTTP: spacing, robots.txt, retries, conditional requests), site (reading the reports
site's pages), plan (what to download), store (whole files and the manifest), state (validators of earlier
runs), run (one fetch run and its summary).
"""
from __future__ import annotations

from indexer.fetch.client import ClientConfig, FetchError, Unreachable, user_agent
from indexer.fetch.plan import UnknownCouncil
from indexer.fetch.run import ALL_KINDS, FetchOptions, FetchReport, Result, fetch

__all__ = ["ALL_KINDS", "ClientConfig", "FetchError", "FetchOptions", "FetchReport", "Result", "UnknownCouncil",
           "Unreachable", "fetch", "user_agent"]
