"""Necessary literals of a regular expression: strings one of which every match contains.

A pattern can only match a text holding one of them, so a search for the literals alone (a
pattern of plain alternatives, which ``re`` scans many times faster than one that tries a
look-behind and a dozen words at every position) can skip the pattern's scan of most texts
without changing what it finds.  Read from the parse tree of Python's ``re``: every part that
must match (a literal, a class of a few characters, a group, an alternation of such parts, a
repetition at least once) gives the strings it can match, adjacent parts their concatenations,
and the most selective set is kept."""

from __future__ import annotations

import re
from itertools import product

_LIMIT = 64  # strings a set of alternatives may grow to before it is given up


def literal_gate(pattern: str, flags: int = 0) -> re.Pattern | None:
    """A pattern that finds one of :func:`required_literals` in any text ``pattern`` can match;
    None when there are none."""
    needed = required_literals(pattern, flags)
    return re.compile("|".join(re.escape(s) for s in needed)) if needed else None


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings (case as written) one of which every match of ``pattern`` contains, fewest and
    longest found; None when no such set is found (case-insensitive patterns, or a part that
    matches too freely)."""
    parsed = _case_sensitive_tree(pattern, flags)
    if parsed is None:
        return None
    tree, constants = parsed
    _, required = _sequence(list(tree), constants)
    if not required:
        return None
    # a string containing another of the set adds nothing to "one of them occurs"
    kept = sorted(required, key=len)
    kept = [s for n, s in enumerate(kept) if not any(t in s for t in kept[:n])]
    return tuple(kept)


def _case_sensitive_tree(pattern: str, flags: int):
    """``re``'s parse tree of ``pattern`` and its constants module; None for a pattern that ignores
    case or does not parse, or without the parser (it is internal: then nothing is read)."""
    try:
        from re import _constants, _parser
    except ImportError:
        return None
    try:
        tree = _parser.parse(pattern, flags)
    except re.error:
        return None
    if (flags | tree.state.flags) & re.IGNORECASE:
        return None
    return tree, _constants


Strings = frozenset[str] | None


def _better(a: Strings, b: Strings) -> Strings:
    """The more selective of two sets of necessary strings (longest shortest string, then fewest)."""
    if not a or "" in a:
        return b if b and "" not in b else None
    if not b or "" in b:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _concatenate(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _LIMIT:
        return None
    return frozenset(x + y for x, y in product(a, b))


def _sequence(items: list, c) -> tuple[Strings, Strings]:
    """(every string the sequence can match, or None; necessary strings, or None)."""
    required: Strings = None
    exact: Strings = frozenset([""])
    run: Strings = frozenset([""])  # the strings of the current run of finitely matching items
    for op, av in items:
        item_exact, item_required = _item(op, av, c)
        required = _better(required, item_required)
        if item_exact is None:
            required = _better(required, run)
            run, exact = frozenset([""]), None
            continue
        joined = _concatenate(run, item_exact)
        if joined is None:  # too many: start a new run here
            required = _better(required, run)
            joined = item_exact
        run = joined
        exact = None if exact is None else _concatenate(exact, item_exact)
    required = _better(required, run)
    return exact, _better(required, exact)


def _item(op, av, c) -> tuple[Strings, Strings]:
    if op is c.LITERAL:
        return frozenset([chr(av)]), None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: matches the empty string, so to speak
        return frozenset([""]), None
    if op is c.IN:
        characters = set()
        for kind, value in av:
            if kind is c.LITERAL:
                characters.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 16:
                characters.update(chr(n) for n in range(value[0], value[1] + 1))
            else:  # NEGATE, CATEGORY, wide ranges
                return None, None
        return frozenset(characters), None
    if op is c.SUBPATTERN:
        _, add_flags, _, body = av
        if add_flags & re.IGNORECASE:
            return None, None
        return _sequence(list(body), c)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av), c)
    if op is c.BRANCH:
        exact: Strings = frozenset()
        required: Strings = frozenset()
        for branch in av[1]:
            branch_exact, branch_required = _sequence(list(branch), c)
            exact = None if exact is None or branch_exact is None else exact | branch_exact
            if exact is not None and len(exact) > _LIMIT:
                exact = None
            best = _better(branch_required, branch_exact)
            required = None if required is None or best is None else required | best
        return exact, _better(required, exact)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, high, body = av
        body_exact, body_required = _sequence(list(body), c)
        if low == 0:
            return (body_exact | frozenset([""]) if high == 1 and body_exact is not None else None), None
        return (body_exact if low == high == 1 else None), _better(body_required, body_exact)
    return None, None  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, conditionals: anything may match


# --------------------------------------------------------------------------- first characters

_CATEGORY_ESCAPES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                     "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def start_class(pattern: str, flags: int = 0) -> str | None:
    """A character class (pattern source, ``[…]``) holding every character a match of ``pattern``
    can start with; None when a match can be empty or start with any character, or the pattern
    ignores case.  ``re`` scans a pattern opening with such a class for its characters alone,
    many times faster than it tries a pattern that opens with a look-behind at every position."""
    parsed = _case_sensitive_tree(pattern, flags)
    if parsed is None:
        return None
    tree, constants = parsed
    items, can_be_empty = _first(list(tree), constants)
    if items is None or can_be_empty or not items:
        return None
    return "[" + "".join(sorted(items)) + "]"


def _first(sequence: list, c) -> tuple[frozenset[str] | None, bool]:
    """(class items the sequence's first character is one of, or None for any; whether it can match
    the empty string)."""
    items: set[str] = set()
    for op, av in sequence:
        first, can_be_empty = _first_of(op, av, c)
        if first is None:
            return None, False
        items |= first
        if not can_be_empty:
            return frozenset(items), False
    return frozenset(items), True


def _first_of(op, av, c) -> tuple[frozenset[str] | None, bool]:
    if op is c.LITERAL:
        return frozenset([re.escape(chr(av))]), False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset(), True
    if op is c.IN:
        items = set()
        for kind, value in av:
            if kind is c.LITERAL:
                items.add(re.escape(chr(value)))
            elif kind is c.RANGE:
                items.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
            elif kind is c.CATEGORY and str(value) in _CATEGORY_ESCAPES:
                items.add(_CATEGORY_ESCAPES[str(value)])
            else:  # NEGATE and the rest
                return None, False
        return frozenset(items), False
    if op is c.SUBPATTERN:
        _, add_flags, _, body = av
        return (None, False) if add_flags & re.IGNORECASE else _first(list(body), c)
    if op is c.ATOMIC_GROUP:
        return _first(list(av), c)
    if op is c.BRANCH:
        items: set[str] = set()
        any_empty = False
        for branch in av[1]:
            first, can_be_empty = _first(list(branch), c)
            if first is None:
                return None, False
            items |= first
            any_empty = any_empty or can_be_empty
        return frozenset(items), any_empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, _, body = av
        first, can_be_empty = _first(list(body), c)
        return first, can_be_empty or low == 0
    return None, False  # ANY, NOT_LITERAL, GROUPREF, conditionals
