"""A fast first opinion on JSON Schema validity, for the few keywords our record schemas use.

jsonschema spends about half a millisecond on a record line and as much again on its body:
more than checking the record's signature, and a unit importing a cohort reads tens of
thousands. `compile_schema` turns a schema into plain Python checks once. A check answers
True or False only where its answer is jsonschema's (draft 2020-12) for certain, and None
where it is unsure (an integer written 1.0, an enum of numbers …); a schema with any keyword
not handled here is not compiled at all. Callers ask jsonschema whenever the answer is not
True, so it also words every error. A hypothesis test holds the checks to jsonschema.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]
_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "examples", "default", "$defs"}
# JSON types as the values json.loads makes (bool is not int here: type() is exact)
_PYTHON: dict[str, tuple[type, ...]] = {"object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,),
                                         "null": (type(None),), "number": (int, float), "integer": (int,)}


class Unsupported(Exception):
    """The schema uses something this compiler does not handle: leave it to jsonschema."""


class _Unsure(Exception):
    """This instance is a case where the compiled check might differ from jsonschema."""


def compile_schema(schema: dict[str, Any]) -> Callable[[Any], bool | None] | None:
    """A check for `schema`, or None if it cannot be compiled faithfully."""
    try:
        defs = _Defs(schema.get("$defs", {}))
        for name in defs.raw:
            defs.get(name)  # every def compiles, used or not, or the schema is left to jsonschema
        check = _compile(schema, defs)
    except Unsupported:
        return None

    def run(instance: Any) -> bool | None:
        try:
            return check(instance)
        except (_Unsure, RecursionError):
            return None

    return run


class _Defs:
    """The schema's $defs, each compiled once and referred to directly (no look-up per value)."""

    def __init__(self, raw: Any) -> None:
        if not isinstance(raw, dict):
            raise Unsupported("$defs")
        self.raw: dict[str, Any] = raw
        self.done: dict[str, Check] = {}
        self._busy: set[str] = set()

    def get(self, name: str) -> Check:
        if name in self.done:
            return self.done[name]
        if name not in self.raw:
            return _unsure  # a $ref to nothing: jsonschema decides (and words it)
        if name in self._busy:  # a def that refers to itself: look it up when used
            done = self.done
            return lambda x: done[name](x)
        self._busy.add(name)
        self.done[name] = check = _compile(self.raw[name], self)
        self._busy.discard(name)
        return check


def _unsure(x: Any) -> bool:
    raise _Unsure


def _compile(s: Any, defs: _Defs) -> Check:
    if s is True:
        return lambda x: True
    if s is False:
        return lambda x: False
    if not isinstance(s, dict):
        raise Unsupported
    words = {k for k in s if k not in _ANNOTATIONS and k != "then"}
    for key in words - _KEYWORDS.keys() - {"properties", "additionalProperties"}:
        raise Unsupported(key)
    special = _special(s, words, defs)
    if special is not None:
        return special
    checks: list[Check] = []
    for key, value in s.items():
        if key in _ANNOTATIONS or key in ("then", "properties", "additionalProperties"):
            continue
        checks.append(_KEYWORDS[key](value, s, defs))
    if "properties" in s or "additionalProperties" in s:
        checks.append(_properties(s, defs))
    return _all(checks)


# -- whole subschemas of the common shapes, one call per value instead of one per keyword ----
_STRING_WORDS = {"type", "minLength", "maxLength", "pattern", "not"}
_OBJECT_WORDS = {"type", "properties", "additionalProperties", "required", "if"}


def _special(s: dict[str, Any], words: set[str], defs: _Defs) -> Check | None:
    """One check for a string, integer or object subschema, or None: the keywords one by one."""
    kind = s.get("type")
    if kind == "string" and words <= _STRING_WORDS and ("not" not in s or _only_pattern(s["not"])):
        return _string(s)
    if kind == "integer" and words <= {"type", "minimum", "maximum"} and all(
            type(s.get(b, 0)) in (int, float) for b in ("minimum", "maximum")):
        return _integer(s.get("minimum"), s.get("maximum"))
    if kind == "object" and words <= _OBJECT_WORDS:
        return _object(s, defs)
    return None


def _only_pattern(sub: Any) -> bool:
    """A subschema with nothing but a pattern (as `"not": {"pattern": "\\n"}`)."""
    return isinstance(sub, dict) and isinstance(sub.get("pattern"), str) and all(
        k == "pattern" or k in _ANNOTATIONS for k in sub)


def _string(s: dict[str, Any]) -> Check:
    lo, hi = s.get("minLength", 0), s.get("maxLength")
    rx = re.compile(s["pattern"]).search if "pattern" in s else None
    bad = re.compile(s["not"]["pattern"]).search if "not" in s else None

    def check(x: Any) -> bool:
        if type(x) is not str:
            return False
        n = len(x)
        if n < lo or (hi is not None and n > hi):
            return False
        if rx is not None and rx(x) is None:
            return False
        return bad is None or bad(x) is None
    return check


def _integer(lo: int | float | None, hi: int | float | None) -> Check:
    def check(x: Any) -> bool:
        if type(x) is int:
            return (lo is None or x >= lo) and (hi is None or x <= hi)
        if type(x) is float:
            raise _Unsure  # 1.0 is an integer to jsonschema
        return False
    return check


def _object(s: dict[str, Any], defs: _Defs) -> Check:
    props = {k: _compile(v, defs) for k, v in s.get("properties", {}).items()}
    get = props.get
    extra = s.get("additionalProperties", True)
    other = None if extra is True else _compile(extra, defs)
    required = tuple(s.get("required", ()))
    also = _if(s["if"], s, defs) if "if" in s else None
    if not props and other is None and not required and also is None:
        return lambda x: type(x) is dict  # {"type": "object"}, as a record's body: no need to look inside

    def check(x: Any) -> bool:
        if type(x) is not dict:
            return False
        for k in required:
            if k not in x:
                return False
        for k, v in x.items():
            c = get(k, other)
            if c is not None and not c(v):
                return False
        return also is None or also(x)
    return check


def _all(checks: list[Check]) -> Check:
    """All of `checks`, with as little calling overhead as possible (this runs per value)."""
    if not checks:
        return lambda x: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda x: a(x) and b(x)
    items = tuple(checks)

    def check(x: Any) -> bool:
        for c in items:
            if not c(x):
                return False
        return True
    return check


def _type(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    names = [value] if isinstance(value, str) else list(value)
    if any(n not in _PYTHON for n in names):
        raise Unsupported("type")
    allowed = frozenset(t for n in names for t in _PYTHON[n])
    integer_only = "integer" in names and "number" not in names

    def check(x: Any) -> bool:
        if type(x) in allowed:
            return True
        if integer_only and type(x) is float:
            raise _Unsure  # 1.0 is an integer to jsonschema
        return False
    return check


def _properties(s: dict[str, Any], defs: _Defs) -> Check:
    props = {k: _compile(v, defs) for k, v in s.get("properties", {}).items()}
    extra = s.get("additionalProperties", True)
    other = _compile(extra, defs)

    get = props.get

    def check(x: Any) -> bool:
        if type(x) is not dict:
            return True
        for k, v in x.items():
            if not get(k, other)(v):
                return False
        return True
    return check


def _required(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    keys = list(value)
    return lambda x: type(x) is not dict or all(k in x for k in keys)


def _pattern(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    rx = re.compile(value)
    return lambda x: type(x) is not str or rx.search(x) is not None


def _length(op: Callable[[int, int], bool]) -> Callable[[Any, dict[str, Any], _Defs], Check]:
    return lambda value, s, defs: lambda x: type(x) is not str or op(len(x), value)


def _bound(op: Callable[[Any, Any], bool]) -> Callable[[Any, dict[str, Any], _Defs], Check]:
    return lambda value, s, defs: lambda x: type(x) not in (int, float) or op(x, value)


def _items(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    item = _compile(value, defs)

    def check(x: Any) -> bool:
        if type(x) is list:
            for i in x:
                if not item(i):
                    return False
        return True
    return check


def _unique(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    def check(x: Any) -> bool:
        if not value or type(x) is not list:
            return True
        if any(type(i) is not str for i in x):
            raise _Unsure  # JSON equality of numbers, booleans and containers: leave it to jsonschema
        return len(set(x)) == len(x)
    return check


def _same(x: Any, v: Any) -> bool:
    """JSON equality as jsonschema sees it, for scalars: 1 == 1.0, but True is not 1."""
    if type(x) is str or type(v) is str or type(x) is bool or type(v) is bool or x is None or v is None:
        return type(x) is type(v) and x == v
    if type(x) in (int, float) and type(v) in (int, float):
        return bool(x == v)
    raise _Unsure  # arrays and objects


def _enum(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    if any(type(v) in (list, dict[str, Any]) for v in value):
        raise Unsupported("enum")
    options = list(value)
    if all(type(v) is str for v in options):
        strings = frozenset(options)
        return lambda x: type(x) is str and x in strings  # _same with a string option
    return lambda x: any(_same(x, v) for v in options)


def _const(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    if type(value) in (list, dict[str, Any]):
        raise Unsupported("const")
    return lambda x: _same(x, value)


def _count(op: Callable[[int, int], bool]) -> Callable[[Any, dict[str, Any], _Defs], Check]:
    return lambda value, s, defs: lambda x: type(x) is not list or op(len(x), value)


def _not(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    sub = _compile(value, defs)
    return lambda x: not sub(x)


def _one_of(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    subs = [_compile(v, defs) for v in value]
    if len(subs) == 2:  # both asked, as for more: either may be unsure
        a, b = subs
        return lambda x: bool(a(x)) is not bool(b(x))
    return lambda x: sum(1 for c in subs if c(x)) == 1


def _if(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    if "else" in s:
        raise Unsupported("else")
    cond, then = _compile(value, defs), _compile(s.get("then", True), defs)
    return lambda x: not cond(x) or then(x)


def _ref(value: Any, s: dict[str, Any], defs: _Defs) -> Check:
    if not isinstance(value, str) or not value.startswith("#/$defs/") or "/" in value[len("#/$defs/"):]:
        raise Unsupported("$ref")
    return defs.get(value[len("#/$defs/"):])


_KEYWORDS: dict[str, Callable[[Any, dict[str, Any], _Defs], Check]] = {
    "type": _type, "required": _required, "pattern": _pattern, "items": _items, "uniqueItems": _unique,
    "minLength": _length(lambda n, v: n >= v), "maxLength": _length(lambda n, v: n <= v),
    "minimum": _bound(lambda x, v: x >= v), "maximum": _bound(lambda x, v: x <= v),
    "minItems": _count(lambda n, v: n >= v), "maxItems": _count(lambda n, v: n <= v),
    "enum": _enum, "const": _const, "not": _not, "oneOf": _one_of, "if": _if, "$ref": _ref,
}
