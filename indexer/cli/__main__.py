"""`python -m indexer.cli` runs the command line."""
from . import main

main()
