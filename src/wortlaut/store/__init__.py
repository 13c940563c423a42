"""The corpus store: many analysed articles in one SQLite file, searchable and exportable.

``Store`` owns the database; ``ingest`` fills it from files; the query,
network and export functions read it.  The schema is documented in schema.py.
"""

from .database import Store, content_hash
from .errors import SchemaError, StoreError
from .ingestion import IngestSummary, ingest

__all__ = ["Store", "StoreError", "SchemaError", "content_hash", "ingest", "IngestSummary"]
