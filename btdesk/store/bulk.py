"""Many rows into one table through the driver's own executemany.

A bundle import inserts hundreds of rows per bundle. SQLAlchemy's executemany builds and
processes each row's parameters in Python (tens of microseconds a row); the drivers do it in
C: sqlite3 steps one prepared statement. PostgreSQL gets one INSERT of many rows, which the
server plans and runs once (psycopg's executemany still runs a statement per row on the server,
which shares the machine's cores with the import). Values are converted here as SQLAlchemy's
column types would convert them.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Table
from sqlalchemy.orm import Session

_PG_PARAMS = 30000  # parameters per statement, well below PostgreSQL's limit of 65535


def insert_rows(s: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys, named by column) in the session's transaction."""
    if not rows:
        return
    conn = s.connection()
    names = list(rows[0])
    cols = [table.c[n] for n in names]
    json_at = [i for i, c in enumerate(cols) if isinstance(c.type, JSON)]
    postgres = conn.dialect.name == "postgresql"
    mark = "%s" if conn.dialect.paramstyle in ("format", "pyformat") else "?"
    marks = ", ".join(f"{mark}::json" if postgres and i in json_at else mark for i in range(len(cols)))
    quote = conn.dialect.identifier_preparer.quote
    sql = f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) VALUES "
    data = []
    for r in rows:
        values = [r[n] for n in names]
        for i in json_at:
            values[i] = None if values[i] is None else json.dumps(values[i])
        data.append(tuple(values))
    if not postgres:
        conn.exec_driver_sql(sql + f"({marks})", data)
        return
    # one statement of many rows: the server plans and runs it once, not once per row
    per = max(1, _PG_PARAMS // len(names))
    for start in range(0, len(data), per):
        part = data[start:start + per]
        conn.exec_driver_sql(sql + ", ".join([f"({marks})"] * len(part)), tuple(v for row in part for v in row))
