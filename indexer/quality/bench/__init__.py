"""The benchmark's parts: a cached extracted corpus, sampled queries, the SQLite FTS5 baseline, HTTP load."""
