"""Search backends behind one contract (`contract.py`): the embedded index (default) and PostgreSQL.

`open_backend` is the one place the product opens an index; adding a backend is one package here and one line in
`_BACKENDS`.
"""
from __future__ import annotations
