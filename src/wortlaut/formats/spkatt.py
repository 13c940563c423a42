"""SpkAtt-2023 (speaker attribution in German news) JSON: everything about the format in one place.

A file holds ``{"DocumentName", "Sentences": [{"SentenceId", "Tokens"}], "Annotations"}``; an
annotation lists its roles (``Cue``, ``Source``, ``Message``, ``Addr``) as token references
``"sentence:token"`` and names its ``Form`` (``Direct``, ``Indirect``, ``FreeIndirect``,
``IndirectFreeIndirect``, ``Reported``).  The article's date is ``(YYYY-MM-DD)`` in its name.

Reading keeps the tokenisation exactly (the text is the tokens joined by spaces, a sentence per
line); writing puts the statements' token roles (:class:`wortlaut.model.Role` ``tokens``) into
annotations on those tokens.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ..model import Document
from .base import InputError, parse_date

ROLES = ("Cue", "Source", "Message", "Addr")
FORMS_TO_SPKATT = {"direct": "Direct", "indirect": "Indirect", "reported": "Reported"}
# SpkAtt's annotators leave out many speech acts: the export follows them and leaves out the rules'
# speech acts whose sentence the learned sentence tagger gives less than this probability of being
# a statement (5-fold CV on the training articles, Message / Source F1: 0.775 / 0.607 keeping
# all, 0.776 / 0.604 at 0.7, 0.780 / 0.610 at 0.5, 0.779 / 0.608 at 0.3).  JSON output keeps them.
MIN_CONFIDENCE = 0.5
_FILE_NAME_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")


def parse_ref(ref: object) -> tuple[int, int]:
    """``"3:12"`` -> ``(3, 12)``: sentence and token number."""
    sentence, sep, token = str(ref).partition(":")
    if not sep:
        raise ValueError(f"token reference {ref!r} is not 'sentence:token'")
    return int(sentence), int(token)


def token_refs(doc: Document, indices: list[int]) -> list[str]:
    """Document token indices -> sorted ``"sentence:token"`` references."""
    refs = []
    for i in sorted(set(indices)):
        token = doc.tokens[i]
        refs.append(f"{token.sentence}:{i - doc.sentences[token.sentence].token_start}")
    return refs


def read_spkatt(path: Path, text: str, default_date: dt.date | None) -> list[Document]:
    """SpkAtt-2023 JSON: keep its tokens exactly; the text is the tokens joined by spaces."""
    try:
        data = json.loads(text)
        sentences = [list(map(str, s["Tokens"])) for s in data["Sentences"]]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise InputError(path, f"not SpkAtt JSON ({type(error).__name__}: {error})") from None
    name = str(data.get("DocumentName") or path.stem)
    match = _FILE_NAME_DATE.search(name) or _FILE_NAME_DATE.search(path.name)
    date = parse_date(match.group(1), path, "date in the file name") if match else default_date
    if date is None:
        raise InputError(path, "no '(YYYY-MM-DD)' date in the file name: give one with --date")
    return [Document.from_tokens(sentences, date=date, id=path.stem, title=name)]


def gold_annotations(path: Path, doc: Document) -> list[dict]:
    """The gold annotations of a SpkAtt file read into ``doc``: roles as document token indices
    (``cue``, ``source``, ``message``, ``addr``), ``nested`` and the ``form``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if len(data["Sentences"]) != len(doc.sentences):
        raise ValueError(f"{path.name}: sentence count differs from the pipeline's")

    def indices(refs: list[str]) -> list[int]:
        return sorted(doc.sentences[sentence].token_start + token for sentence, token in map(parse_ref, refs))

    return [{role.lower(): indices(a.get(role) or []) for role in ROLES}
            | {"nested": bool(a.get("IsNested")), "form": a.get("Form")}
            for a in data.get("Annotations") or []]


def to_spkatt(doc: Document, *, min_confidence: float = MIN_CONFIDENCE) -> dict:
    """SpkAtt-2023 prediction JSON on the document's own tokens."""
    if doc.given_tokens is None:
        raise ValueError("SpkAtt output needs SpkAtt input (use --input-format spkatt)")
    annotations = []
    # a quotation nested in a left-out speech act stays: the speaker's own words
    statements = [s for s in doc.statements if s.confidence is None or s.confidence >= min_confidence]
    parents = {id(s.nested_in) for s in statements if s.nested_in is not None}
    for s in statements:
        form = s.spkatt_form or FORMS_TO_SPKATT[s.form]
        # SpkAtt annotates reported speech acts without a cue (99 % of its Reported items)
        cue = [] if form == "Reported" else s.cue.tokens
        annotations.append({
            "Cue": token_refs(doc, cue), "Source": token_refs(doc, s.source.tokens),
            "Message": token_refs(doc, s.content.tokens), "Addr": token_refs(doc, s.addressee.tokens),
            "Form": form, "IsNested": s.nested_in is not None,
            "HasNested": id(s) in parents,
        })
    return {
        "DocumentName": doc.title or doc.id,
        "Sentences": [{"SentenceId": n, "Tokens": tokens} for n, tokens in enumerate(doc.given_tokens)],
        "Annotations": annotations,
    }


def write_spkatt(doc: Document, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / Path(doc.source or f"{doc.id}.json").name
    path.write_text(json.dumps(to_spkatt(doc), ensure_ascii=False), encoding="utf-8")
    return path
