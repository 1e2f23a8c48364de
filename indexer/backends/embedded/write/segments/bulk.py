"""A full rebuild's segments: one per `settings.SEGMENT_PARAGRAPHS` paragraphs, full ones written by forked
processes, and the table of contents listing them."""
from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Sequence

from whoosh.index import TOC

from indexer import settings
from indexer.children import can_fork, die_with_parent
from indexer.backends.embedded.write.segments.buffer import SegmentWriter
from indexer.backends.embedded.write.segments.kept import SegmentColumns


class BulkWriter:
    """Whoosh segments for a full rebuild: a new segment every `settings.SEGMENT_PARAGRAPHS` paragraphs.

    With more than one writer process allowed, a full segment is written by a forked copy of this process
    while this one goes on reading and analysing the next: the two halves of a build's work run on two cores.
    """

    def __init__(self, ix, vocabulary: dict[str, int], processes: int | None = None):
        self.ix = ix
        self.vocabulary = vocabulary
        self.segments = []
        self.current: SegmentWriter | None = None
        self.limit = settings.SEGMENT_PARAGRAPHS
        self.processes = settings.WRITER_PROCS if processes is None else processes
        self.children: list[int] = []
        self.kept = SegmentColumns()

    def add_paragraphs(self, paragraphs: list[dict], text_ids: list[Sequence[int]]) -> None:
        """Add a document's paragraphs, starting a new segment when the current one is full."""
        if self.current is None:
            self.current = SegmentWriter(self.ix, self.vocabulary)
        self.current.add_paragraphs(paragraphs, text_ids)
        if self.current.docnum >= self.limit:
            self._flush(last=False)

    def add_document(self, text_ids: Sequence[int], **fields) -> None:
        """Add one paragraph."""
        self.add_paragraphs([fields], [text_ids])

    def _flush(self, last: bool) -> None:
        """Write the current segment: in a forked process unless it is the last or forking is unsafe."""
        writer, self.current = self.current, None
        if writer is None or not writer.docnum:
            return
        self.segments.append(writer.segment)
        self.kept.add(writer)
        if last or not self._can_fork():
            writer.finish()
            return
        self._wait(keep=self.processes - 1)  # at most `processes` children write while this one reads on
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child writes the segment and leaves without running the parent's clean-up
            code = 1
            try:
                die_with_parent(parent)
                writer.finish()
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        self.children.append(pid)
        # The child's writer sets these on its copy; the table of contents is written from this one.
        writer.segment.set_doc_count(writer.docnum)
        writer.segment._fieldlengths = writer.totals

    def _can_fork(self) -> bool:
        """Several writers allowed, and no thread running that a fork could catch holding a lock."""
        return self.processes > 1 and can_fork()

    def _wait(self, keep: int) -> None:
        """Wait until at most `keep` segment-writing children are running; a failed one fails the build."""
        while len(self.children) > max(keep, 0):
            pid = self.children[0]
            _, status = os.waitpid(pid, 0)
            self.children.pop(0)  # only once reaped: an interrupted wait leaves it for cancel()
            if status:
                raise RuntimeError(f"writing an index segment failed (process {pid}, status {status})")

    def commit(self) -> None:
        """Write the last segment, wait for the others, and write a table of contents listing them all.

        On any failure the other segment writers are stopped before the error goes on."""
        try:
            self._flush(last=True)
            self._wait(keep=0)
        except BaseException:
            self.cancel()
            raise
        generation = self.ix.latest_generation() + 1
        TOC(self.ix.schema, self.segments, generation).write(self.ix.storage, self.ix.indexname)

    def cancel(self) -> None:
        """Abandon the build: stop the segment-writing children (the caller removes the folder)."""
        self.current = None
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.children = []
