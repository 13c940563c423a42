"""Formats in and out: readers for articles (:mod:`.readers`: seed, plain text, JSONL, HTML;
:mod:`.spkatt`: SpkAtt-2023 JSON), the JSON output contract (:mod:`.json`), the readable
table (:mod:`.table`), SpkAtt predictions (:mod:`.spkatt`) and GermEval-2014 NER TSV
(:mod:`.germeval`).  Each format's conventions live in its module."""

from __future__ import annotations

from .base import MAX_CHARS, InputError, parse_date
from .json import document_to_dict, statement_to_dict, to_json
from .readers import EXTENSIONS, FORMATS, detect_format, iter_input_files, read_articles, read_file
from .spkatt import to_spkatt, write_spkatt
from .table import to_table

__all__ = ["EXTENSIONS", "FORMATS", "MAX_CHARS", "InputError", "detect_format", "document_to_dict", "iter_input_files",
           "parse_date", "read_articles", "read_file", "statement_to_dict", "to_json", "to_spkatt", "to_table", "write_spkatt"]
