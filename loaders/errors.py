"""The one exception the loaders raise for an input that cannot be used at all."""

from __future__ import annotations

from loaders.issues import Note


class InputError(Exception):
    """A file that cannot be used: the file's name and a note saying what is wrong and what to
    do, worded in the reader's language at the edge (`str()` gives bokmål, for the command
    line and the logs)."""

    def __init__(self, file: str, said: Note):
        super().__init__(file, said)  # both in args, so the error crosses process boundaries

    @property
    def file(self) -> str:
        return self.args[0]

    @property
    def note(self) -> Note:
        return self.args[1]

    def __str__(self) -> str:
        from wording.validation import problem_text  # the words import the loaders' schema
        return problem_text(self)
