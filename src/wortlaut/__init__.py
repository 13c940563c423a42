"""wortlaut: who said what, when, where, through whom — statements from German news.

``wortlaut.analyze(text, date=..., options=Options(...))`` runs the pipeline on one article and
returns a :class:`Document`; ``ARCHITECTURE.md`` in the repository explains the stages."""

from .model import Document, Entity, Place, Role, Sentence, Span, Speaker, Statement, TimeExpression, Token
from .pipeline import Options, analyze

__version__ = "0.1.0"
__all__ = [
    "analyze", "Options", "Document", "Entity", "Role", "Span", "Speaker", "Statement",
    "TimeExpression", "Place", "Token", "Sentence", "__version__",
]
