"""Errors a user can cause: each becomes one line at the CLI edge; bugs stay tracebacks."""


class DossierError(Exception):
    """An error the user can act on; str() is the one line shown."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint or self.hint

    def line(self) -> str:
        """The message and, when there is one, what to do next."""
        return f"{self}" + (f" — {self.hint}" if self.hint else "")


class ReadError(DossierError):
    """A file that cannot be turned into a Document."""


class ExtractError(DossierError):
    """An extractor that cannot be loaded or run."""


class StoreError(DossierError):
    """A database that cannot be opened, read or written."""


class NotFound(DossierError):
    """A name, document or entity that the knowledge base does not hold."""


class UsageError(DossierError):
    """A value given on the command line or to the API that makes no sense."""


class AmbiguousName(DossierError):
    """A name that several entities go by, where one was wanted."""


class DecisionError(DossierError):
    """An analyst decision (merge, split, undo) that cannot be applied as asked."""
