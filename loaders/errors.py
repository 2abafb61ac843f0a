"""The one exception the loaders raise for an input that cannot be used at all."""


class InputError(Exception):
    """A file that cannot be used; the message is Norwegian, names the file, and says what to do."""

    def __init__(self, file: str, problem: str):
        super().__init__(f"{file}: {problem}")
        self.file = file
        self.problem = problem
