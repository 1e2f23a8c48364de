"""A full rebuild's segments: one per `settings.SEGMENT_PARAGRAPHS` paragraphs, full ones written by forked
processes, and the table of contents listing them."""
from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Callable, Sequence

from whoosh.index import TOC

from indexer import settings
from indexer.contract import IndexInvalid
from indexer.children import can_fork, die_with_parent
from indexer.backends.embedded.write.segments.buffer import SegmentWriter
from indexer.backends.embedded.write.segments.kept import SegmentColumns


class SegmentWriteFailed(IndexInvalid):
    """A forked process writing a segment's files failed: the new generation cannot go live (the live one serves)."""


def _exit_reason(status: int) -> str:
    """A waitpid status in words."""
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.WEXITSTATUS(status)}"


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

    def _flush(self, last: bool, meanwhile: Callable[[], None] | None = None) -> None:
        """Write the current segment: in a forked process unless it is the last or forking is unsafe.

        The last segment's postings are written by a forked process while this one writes its stored fields
        and runs `meanwhile` (the build's own work that needs no segment file), so both cores work at the end.
        """
        writer, self.current = self.current, None
        if writer is not None and writer.docnum:
            self.segments.append(writer.segment)
            self.kept.add(writer)
            if not self._can_fork():
                writer.finish()
            elif last:
                self._wait(keep=self.processes - 1)
                self._fork(writer.finish_postings, writer)
                writer.finish_per_document()
            else:
                self._wait(keep=self.processes - 1)  # at most `processes` children write while this one reads on
                self._fork(writer.finish, writer)
        if meanwhile is not None:
            meanwhile()

    def _fork(self, work: Callable[[], object], writer: SegmentWriter) -> None:
        """Run `work` (writing a segment's files) in a forked child, reaped by `_wait`."""
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child writes and leaves without running the parent's clean-up
            code = 1
            try:
                die_with_parent(parent)
                work()
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
                raise SegmentWriteFailed(f"writing an index segment failed in a worker process (process {pid}, "
                                         f"{_exit_reason(status)}; its error is printed above)")

    def commit(self, meanwhile: Callable[[], None] | None = None) -> None:
        """Write the last segment, wait for the others, and write a table of contents listing them all;
        `meanwhile` runs in this process while the last segment's postings are written (see _flush).

        On any failure the other segment writers are stopped before the error goes on."""
        try:
            self._flush(last=True, meanwhile=meanwhile)
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
