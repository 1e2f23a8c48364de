"""An operator's mistake or a machine's state (disk full, read-only folder) is one line and exit 1, not a traceback."""
from __future__ import annotations

import errno
import os

import click

_ADVICE = {
    errno.ENOSPC: "no space left on the device; free some space and run again",
    errno.EDQUOT: "disk quota exceeded; free some space and run again",
    errno.EROFS: "the file system is read-only; choose a writable --index folder",
    errno.EACCES: "permission denied; choose a folder you may write to (or run as its owner)",
    errno.EPERM: "operation not permitted; choose a folder you may write to (or run as its owner)",
    errno.EMFILE: "too many open files; raise `ulimit -n`",
}


def describe(exc: OSError) -> str:
    """One line for an OSError: what failed, where, and what to do."""
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    advice = _ADVICE.get(exc.errno or -1)
    if advice:
        return f"{advice}{where}; nothing was changed, the previous index (if any) is still in use"
    return f"{exc.strerror or exc}{where}"


class OperatorGroup(click.Group):
    """A command group whose commands' system errors end as one line: `Error: …`, exit status 1."""

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        check_arguments(list(args))
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            raise click.ClickException(describe(exc)) from None
        except MemoryError:
            raise click.ClickException("out of memory; close other programs or index fewer files at once") from None


def check_arguments(args: list[str]) -> None:
    """Refuse an argument holding bytes that are not UTF-8 (Python keeps them as lone surrogates, which no
    output can encode), unless it names an existing file: file names may be any bytes."""
    for arg in args:
        if arg != arg.encode("utf-8", "surrogatepass").decode("utf-8", "replace") and not os.path.lexists(arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise click.UsageError(f"the argument {shown!r} is not valid UTF-8 text; retype it")
