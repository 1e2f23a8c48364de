"""`python -m indexer.cli` runs the command line."""
from indexer.cli import main

main()
