"""Errors of the store that a user can act on; the CLI prints them without a traceback."""


class StoreError(Exception):
    """A problem the user can fix: a missing database, an unknown actor, a bad option."""


class SchemaError(StoreError):
    """The database file is not a wortlaut store this version can use."""
