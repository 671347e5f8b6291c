"""One sentence for a JSON Schema violation in a hand-edited file, first problem in document order.

The programme loader and the form-template loader both use it, so an administrator reads the
same kind of sentence for either file: "<file>: <key path> <what is wrong>."
"""
from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a table",
}


def first_error(validator: Draft202012Validator, data: Any, *, required_hint: str = "") -> tuple[str, str] | None:
    """(key path, sentence) of the problem that comes first in the file, or None when it is valid.
    When a conditional part of the schema (if/then) lacks a key, the sentence adds why: the `then`
    part's description, else `required_hint`."""
    errors = list(validator.iter_errors(data))
    if not errors:
        return None
    err = min(errors, key=lambda e: _doc_order(data, e))
    return describe(err, required_hint=required_hint)


def format_error(error: jsonschema.ValidationError, filename: str) -> str:
    """One readable sentence for a schema violation: "<file>: <key path> <what is wrong>."."""
    return f"{filename}: {describe(error)[1]}"


def _doc_order(data: Any, err: jsonschema.ValidationError) -> tuple[Any, ...]:
    """Position of the error in the file, so the administrator hears about the first problem."""
    key: list[int] = []
    node = data
    for part in err.absolute_path:
        if isinstance(node, dict):
            keys = list(node)
            key.append(keys.index(part) if part in keys else len(keys))
        else:
            key.append(int(part))
        node = node[part]
    # A problem with the table itself (missing key) comes after the problems inside it.
    return (*key, float("inf"))


def _keypath(parts: Iterable[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        s = value if len(value) <= 40 else value[:37] + "..."
        return json.dumps(s, ensure_ascii=False)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return str(value)  # TOML dates and times


def describe(err: jsonschema.ValidationError, *, required_hint: str = "") -> tuple[str, str]:
    """(key path, sentence) for one schema error."""
    path = _keypath(err.absolute_path)
    text = _sentence(err, path, required_hint)
    # For a missing or unknown key, point at the key itself rather than at its table.
    inst = err.instance if isinstance(err.instance, dict) else {}
    val: Any = err.validator_value
    if err.validator == "required":
        missing = [k for k in val if k not in inst]
        if len(missing) == 1:
            return _join(path, missing[0]), text
    elif err.validator == "additionalProperties":
        extra = [k for k in inst if k not in _schema(err).get("properties", {})]
        if extra:
            return _join(path, extra[0]), text
    return path, text


def _schema(err: jsonschema.ValidationError) -> Mapping[str, Any]:
    """The part of the schema that was broken (jsonschema leaves it unset, or a bare true/false, at times)."""
    return err.schema if isinstance(err.schema, Mapping) else {}


def _sentence(err: jsonschema.ValidationError, path: str, required_hint: str = "") -> str:
    where = path or "the file"
    # set on every error that iter_errors yields; typed loosely as JSON is
    val: Any = err.validator_value
    inst: Any = err.instance
    v, schema = err.validator, _schema(err)
    if v == "required":
        missing = [k for k in val if not (isinstance(inst, dict) and k in inst)]
        why = schema.get("description") or required_hint if "then" in err.schema_path else ""
        hint = f" ({why})" if why else ""
        if len(missing) == 1:
            return f"{_join(path, missing[0])} is missing{hint}."
        return f"{where} is missing the keys {', '.join(missing)}{hint}."
    if v == "additionalProperties":
        known = list(schema.get("properties", {}))
        extra = [k for k in inst if k not in known]
        bad = extra[0] if extra else "?"
        close = difflib.get_close_matches(bad, known, n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else f"; known keys here: {', '.join(known)}"
        return f"{_join(path, bad)} is not a known key{hint}."
    if v == "type":
        types = [val] if isinstance(val, str) else list(val)
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        return f"{where} must be {wanted}, not {_show(inst)}."
    if v == "enum":
        return f"{where} must be one of {', '.join(_show(x) for x in val)}, not {_show(inst)}."
    if v == "const":
        return f"{where} must be {_show(val)}, not {_show(inst)}."
    if v == "minimum":
        return f"{where} must be at least {val}, not {_show(inst)}."
    if v == "maximum":
        return f"{where} must be at most {val}, not {_show(inst)}."
    if v == "exclusiveMinimum":
        return f"{where} must be greater than {val}, not {_show(inst)}."
    if v == "exclusiveMaximum":
        return f"{where} must be less than {val}, not {_show(inst)}."
    if v == "minLength":
        return f"{where} must not be empty."
    if v == "minItems":
        return f"{where} must list at least {val} item{'s' if val != 1 else ''}."
    if v == "maxItems":
        return f"{where} must list at most {val} items."
    if v == "uniqueItems":
        dup = next((x for i, x in enumerate(inst) if x in inst[:i]), None)
        return f"{where} lists {_show(dup)} twice."
    if v == "pattern":
        wanted = schema.get("description", f"text matching {val}")
        return f"{where} must be {wanted}, not {_show(inst)}."
    return f"{where}: {err.message}."


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
