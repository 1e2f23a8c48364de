"""A rebuild's Whoosh segments written directly through Whoosh's own codec classes.

Whoosh's writer sends every posting through a pickled external sort and then its posting writer one call at
a time: ~90 % of a rebuild. Here (buffer.py) a segment's paragraphs are buffered in memory: fields that hold
the same value in every paragraph of a document are indexed once per document, the text field keeps the
word ids the build computes anyway for its word sequences. On finish, the text postings are grouped and
ordered in numpy and handed to Whoosh's posting writer a block at a time (postings.py); stored fields and
columns go to Whoosh's per-document writer's column writers (perdoc.py). bulk.py starts a segment every
`settings.SEGMENT_PARAGRAPHS` paragraphs (bounded memory) and lets a forked process write each full one
while the build reads on; kept.py hands the search arrays the columns they need without reading them back.

Two choices differ from Whoosh's defaults, both in Whoosh's own format: posting blocks are stored without
zlib (each block records its level) and stored fields use zlib level 0. Both cut the writing time, for about
1.5x the bytes of Whoosh's files on disk. tests/test_segment_writer.py compares every term, posting, stored
field, length and column with what `ix.writer()` writes for the same paragraphs.
"""
from indexer.backends.embedded.write.segments.bulk import BulkWriter
from indexer.backends.embedded.write.segments.buffer import SegmentWriter
from indexer.backends.embedded.write.segments.kept import SegmentColumns

__all__ = ["BulkWriter", "SegmentColumns", "SegmentWriter"]
