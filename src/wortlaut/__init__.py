"""wortlaut: who said what, when, where, through whom — statements from German news."""

from .model import Document, Entity, Place, Sentence, Span, Speaker, Statement, TimeExpression, Token
from .pipeline import Options, analyze

__version__ = "0.1.0"
__all__ = [
    "analyze", "Options", "Document", "Entity", "Span", "Speaker", "Statement",
    "TimeExpression", "Place", "Token", "Sentence", "__version__",
]
