"""Backend-neutral search: the request and its URL form, the query tree and the parser's plan, synonyms, query
understanding, grade movement in queries and the facet registry. Backends (`indexer.backends`) execute it."""
