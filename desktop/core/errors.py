"""Exceptions that carry a message meant for the user.

Anything raised as a ``UserError`` is shown as-is by the CLI and the UI, without
a traceback. Programming errors stay ordinary exceptions.
"""


class UserError(Exception):
    """An error caused by input or environment that the user can act on."""


class LibraryError(UserError):
    """The library folder or database cannot be opened or used."""


class NotFoundError(UserError):
    """A requested article, annotation or file does not exist."""


class QuerySyntaxError(UserError):
    """A search query could not be parsed."""


class ExtractionError(UserError):
    """A document could not be turned into an article."""


class UnsafeArchiveError(UserError):
    """A zip, bundle or container was rejected as hostile or broken."""


class ServerUnreachable(LibraryError):
    """A server library's database cannot be reached, or the connection was lost."""
