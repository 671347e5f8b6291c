"""Many rows into one table through the driver's own executemany.

A bundle import inserts hundreds of rows per bundle. SQLAlchemy's executemany builds and
processes each row's parameters in Python (tens of microseconds a row); the drivers do it in
C: sqlite3 steps one prepared statement. PostgreSQL gets one INSERT of many rows, each column
one array (psycopg's executemany still runs a statement per row on the server, which shares the
machine's cores with the import). Values are converted here as SQLAlchemy's column types would
convert them.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Connection, Integer, LargeBinary, Table
from sqlalchemy.orm import Session


def insert_rows(s: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys, named by column) in the session's transaction."""
    if not rows:
        return
    names = list(rows[0])
    insert_tuples(s, table, names, [tuple([r[n] for n in names]) for r in rows])


def insert_tuples(s: Session, table: Table, names: Sequence[str], rows: Sequence[tuple[Any, ...]], *,
                  upsert: tuple[str, Sequence[str]] | None = None,
                  returning: Sequence[str] = ()) -> list[tuple[Any, ...]] | None:
    """INSERT `rows`, tuples of the values of the columns `names`, in the session's transaction.

    `upsert`: (the key column, the columns to set): a row whose key is there already updates
    those columns instead (ON CONFLICT … DO UPDATE: SQLite 3.24 and PostgreSQL 9.5 on). Rows
    must not repeat a key: PostgreSQL refuses to update one row twice in a statement.
    `returning`: columns of the inserted rows to return, in no particular order; PostgreSQL
    returns them with the INSERT (a round trip saved), elsewhere None: ask for them."""
    if not rows:
        return [] if returning else None
    conn = s.connection()
    cols = [table.c[n] for n in names]
    json_at = [i for i, c in enumerate(cols) if isinstance(c.type, JSON)]
    postgres = conn.dialect.name == "postgresql"
    quote = conn.dialect.identifier_preparer.quote
    into = f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)})"
    tail = "" if upsert is None else f" ON CONFLICT ({quote(upsert[0])}) DO UPDATE SET " + ", ".join(
        f"{quote(c)} = excluded.{quote(c)}" for c in upsert[1])
    data = list(rows)
    if json_at:
        dumps = json.dumps
        for k, row in enumerate(data):
            values = list(row)
            for i in json_at:
                values[i] = None if values[i] is None else dumps(values[i])
            data[k] = tuple(values)
    if not postgres:
        marks = ", ".join([_mark(conn)] * len(cols))
        conn.exec_driver_sql(f"{into} VALUES ({marks}){tail}", data)
        return None
    if returning:
        tail += " RETURNING " + ", ".join(quote(c) for c in returning)
    # one statement of many rows, each column one array: the text is the same for any number of
    # rows, so psycopg parses it once and the server plans it once (prepared after a few runs);
    # a VALUES list of one placeholder per value was parsed anew for each bundle, in Python
    columns = list(zip(*data, strict=True))
    arrays = ", ".join(f"%b::{_pg_array(c)}" for c in cols)  # binary: no escaping of each value
    picks = ", ".join(f"u.c{i}::json" if i in json_at else f"u.c{i}" for i in range(len(cols)))
    as_names = ", ".join(f"c{i}" for i in range(len(cols)))
    got = conn.exec_driver_sql(f"{into} SELECT {picks} FROM unnest({arrays}) AS u({as_names}){tail}",
                               tuple(list(c) for c in columns))
    return [tuple(r) for r in got.fetchall()] if returning else None


def _pg_array(col: Column[Any]) -> str:
    """The PostgreSQL array type a column's values travel in (JSON as text, cast per value)."""
    t = col.type
    if isinstance(t, JSON):
        return "text[]"
    if isinstance(t, Boolean):
        return "boolean[]"
    if isinstance(t, Integer):
        return "bigint[]"
    if isinstance(t, LargeBinary):
        return "bytea[]"
    return "text[]"


def _mark(conn: Connection) -> str:
    return "%s" if conn.dialect.paramstyle in ("format", "pyformat") else "?"


def rows_where(s: Session, sql: str, params: Sequence[Any] = (), *, within: Sequence[Any] | None = None,
               per: int = 500) -> list[tuple[Any, ...]]:
    """The rows of one SELECT through the driver, without building and compiling a statement
    (the ORM spends ~0.2 ms on each; a bundle import runs several per bundle).

    `sql` marks parameters with `?` (written as the driver wants them); its `{within}` becomes
    a list of marks for `within`'s values, asked `per` at a time (nothing is asked for none).
    Columns come as the driver gives them: no JSON or Boolean conversion, so select strings
    and integers. Pending ORM changes are flushed first, as the ORM's own queries do."""
    s.flush()
    conn = s.connection()
    mark = _mark(conn)
    text = sql.replace("?", mark)
    if within is None:
        return [tuple(r) for r in conn.exec_driver_sql(text, tuple(params)).fetchall()]
    values, out = list(within), []
    for start in range(0, len(values), per):
        part = values[start:start + per]
        q = text.replace("{within}", ", ".join([mark] * len(part)))
        out += [tuple(r) for r in conn.exec_driver_sql(q, (*params, *part)).fetchall()]
    return out

