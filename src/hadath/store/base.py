"""The store: DuckDB (one file, the default) or PostgreSQL (several users).

Both speak the same SQL, written with `?` placeholders (turned into `%s` for
PostgreSQL); every value is bound, never spliced. A backend supplies only how to
connect, how to run a transaction, and how to insert many rows at once.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from .queries import Queries
from .rows import article_rows, hash_of_form, search_form
from .tables import COLUMNS, create_statements

# Articles written per transaction: a crash loses at most this many (re-run adds them back);
# an article's rows are never split across transactions.
CHUNK = 200


class StoreError(Exception):
    """A store that cannot be opened or used; the message is meant for the user."""


class StoreBusy(StoreError):
    """Another process holds the DuckDB file's write lock for longer than we wait."""


@dataclass
class AddResult:
    new: int = 0
    skipped: int = 0
    entities: int = 0
    quotes: int = 0
    events: int = 0

    def __iadd__(self, other: "AddResult") -> "AddResult":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


class Store(Queries):
    """Base of both backends. `persistent` keeps one connection open (fast, for one
    writer such as `hadath ingest`); otherwise every call opens and closes its own,
    so that several processes can take turns on a DuckDB file."""

    postgres = False

    def __init__(self, location: str, read_only: bool = False, persistent: bool = True,
                 lock_timeout: float = 30.0):
        self.location = location
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._con = None
        if not read_only:
            with self._fresh_connection() as con:
                for statement in create_statements(self.postgres):
                    con.execute(statement)
        if persistent:
            self._con = self._open()

    # -- backend hooks -------------------------------------------------------------
    def _open(self):
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql

    def contains_sql(self, column: str) -> str:
        """SQL test that `column` contains the bound text, literally (no wildcards)."""
        return f"contains({column}, ?)"

    def _begin(self, con) -> None:
        con.execute("BEGIN TRANSACTION")

    def _commit(self, con) -> None:
        con.execute("COMMIT")

    def _rollback(self, con) -> None:
        con.execute("ROLLBACK")

    def _lock_writers(self, con) -> None:
        """Serialise writers for the duration of the transaction (DuckDB has one already)."""

    def _insert(self, con, table: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    # -- connections -----------------------------------------------------------------
    def _close_connection(self, con) -> None:
        con.close()

    @contextmanager
    def _fresh_connection(self):
        con = self._open()
        try:
            yield con
        finally:
            self._close_connection(con)

    @contextmanager
    def connection(self):
        if self._con is not None:
            yield self._con
            return
        with self._fresh_connection() as con:
            yield con

    def close(self) -> None:
        if self._con is not None:
            self._close_connection(self._con)
            self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        with self.connection() as con:
            cursor = con.execute(self._sql(sql), list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def stream(self, sql: str, params: Iterable[Any] = (), size: int = 2000) -> Iterator[dict]:
        """Rows one at a time, fetched in blocks (for exports of any size)."""
        with self.connection() as con:
            cursor = con.execute(self._sql(sql), list(params))
            names = [d[0] for d in cursor.description]
            while True:
                block = cursor.fetchmany(size)
                if not block:
                    return
                for row in block:
                    yield dict(zip(names, row))

    # -- writing ---------------------------------------------------------------------
    def has(self, url: Optional[str] = None, text_hash: Optional[str] = None) -> bool:
        """Is this article stored? Same URL when it has one, else same normalised text."""
        with self.connection() as con:
            return self._has(con, url, text_hash)

    def _has(self, con, url: Optional[str], digest: Optional[str]) -> bool:
        if url:
            sql, value = "SELECT 1 FROM articles WHERE url = ? LIMIT 1", url
        elif digest:
            sql, value = "SELECT 1 FROM articles WHERE text_hash = ? LIMIT 1", digest
        else:
            return False
        return con.execute(self._sql(sql), [value]).fetchone() is not None

    def add(self, docs: Iterable[dict]) -> AddResult:
        """Store article objects (as `hadath extract` prints them) that are not stored yet.
        Idempotent; each transaction holds whole articles only."""
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")
        result = AddResult()
        chunk: list[dict] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= CHUNK:
                result += self._add_chunk(chunk)
                chunk = []
        if chunk:
            result += self._add_chunk(chunk)
        return result

    def _add_chunk(self, docs: list[dict]) -> AddResult:
        result = AddResult()
        with self.connection() as con:
            self._begin(con)
            try:
                self._lock_writers(con)
                forms = [search_form(doc["text"]) for doc in docs]
                keys = [("url", doc["url"]) if doc.get("url") else ("text", hash_of_form(form))
                        for doc, form in zip(docs, forms)]
                seen = self._stored_keys(con, keys)
                fresh, fresh_forms = [], []
                for doc, form, key in zip(docs, forms, keys):
                    if key in seen:
                        result.skipped += 1
                        continue
                    seen.add(key)
                    fresh.append(doc)
                    fresh_forms.append(form)
                article_ids = self._next_ids(con, "article_ids", len(fresh))
                event_ids = self._next_ids(con, "event_ids",
                                           sum(len(d.get("events") or []) for d in fresh))
                tables: dict[str, list[tuple]] = {name: [] for name in COLUMNS}
                now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
                for doc, form, article_id in zip(fresh, fresh_forms, article_ids):
                    n = len(doc.get("events") or [])
                    rows = article_rows(doc, article_id, event_ids[:n], now, form)
                    event_ids = event_ids[n:]
                    for name, table_rows in rows.items():
                        tables[name].extend(table_rows)
                for name, table_rows in tables.items():
                    if table_rows:
                        self._insert(con, name, table_rows)
                self._commit(con)
            except BaseException:
                self._rollback(con)
                raise
        result.new = len(fresh)
        result.entities = len(tables["entities"])
        result.quotes = len(tables["quotes"])
        result.events = len(tables["events"])
        return result

    def _stored_keys(self, con, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these ("url", URL) / ("text", hash) identities the store holds (one
        query per kind, values bound)."""
        found: set[tuple[str, str]] = set()
        for kind, column in (("url", "url"), ("text", "text_hash")):
            values = sorted({value for k, value in keys if k == kind})
            for start in range(0, len(values), 500):
                part = values[start:start + 500]
                marks = ", ".join("?" * len(part))
                rows = con.execute(self._sql(f"SELECT {column} FROM articles WHERE {column} IN ({marks})"),
                                   part).fetchall()
                found.update((kind, row[0]) for row in rows)
        return found

    def _next_ids(self, con, sequence: str, n: int) -> list[int]:
        if n == 0:
            return []
        rows = con.execute(self._sql(f"SELECT nextval('{sequence}') FROM generate_series(1, ?)"),
                           [n]).fetchall()
        return sorted(r[0] for r in rows)

    def counts(self) -> dict[str, int]:
        row = self.query("SELECT (SELECT count(*) FROM articles) AS articles, "
                         "(SELECT count(*) FROM entities) AS entities, "
                         "(SELECT count(*) FROM quotes) AS quotes, "
                         "(SELECT count(*) FROM events) AS events")[0]
        return {k: int(v) for k, v in row.items()}


class DuckDBStore(Store):
    """A DuckDB file. One process may write at a time, and not while others read, so
    readers and writers take turns: a writer raises a flag file (`PATH.writer`)
    while it wants or holds the lock; a long-running reader (`read_only=True,
    persistent=False`, the API) shares one read-only connection among its requests,
    and closes it as soon as the in-flight requests finish when the flag is up,
    opening a fresh one (which sees the new rows) once the writer is done."""

    STALE_FLAG = 300.0   # seconds: a flag older than this was left by a killed writer
    MAX_SHARED_AGE = 30.0  # seconds: let writers that raise no flag (not hadath's) in now and then

    def __init__(self, path: str, read_only: bool = False, persistent: bool = True,
                 lock_timeout: float = 30.0):
        import threading
        from pathlib import Path

        if read_only and not Path(path).exists():
            raise StoreError(f"{path}: no such store (create it with `hadath ingest --db {path} ...`)")
        self.flag = Path(path + ".writer")
        self._gate = threading.Condition()
        self._shared = None
        self._shared_since = 0.0
        self._in_flight = 0
        super().__init__(path, read_only, persistent, lock_timeout)

    def _open(self):
        import duckdb

        if not self.read_only:
            self.flag.write_text(str(os.getpid()))
        deadline = time.monotonic() + self.lock_timeout
        pause = 0.01
        while True:
            try:
                return duckdb.connect(self.location, read_only=self.read_only)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    self._lower_flag()
                    raise StoreError(f"{self.location}: cannot open ({exc})") from None
                if time.monotonic() > deadline:
                    self._lower_flag()
                    raise StoreBusy(f"{self.location}: another process holds the store's lock "
                                    f"(waited {self.lock_timeout:.0f} s)") from None
                time.sleep(pause)
                pause = min(pause * 2, 0.1)
            except duckdb.Error as exc:
                self._lower_flag()
                raise StoreError(f"{self.location}: cannot open ({exc})") from None

    def _close_connection(self, con) -> None:
        con.close()
        self._lower_flag()

    def _lower_flag(self) -> None:
        if not self.read_only:
            self.flag.unlink(missing_ok=True)

    def _writer_waiting(self) -> bool:
        """Is a writer waiting for or holding the lock? A flag left by a killed writer
        (its process gone, or too old) does not count."""
        try:
            if time.time() - self.flag.stat().st_mtime > self.STALE_FLAG:
                return False
            pid = int(self.flag.read_text() or 0)
        except (OSError, ValueError):
            return False
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass  # alive, another user's
        return True

    @contextmanager
    def connection(self):
        if self._con is not None or not self.read_only:
            with super().connection() as con:
                yield con
            return
        shared = self._acquire_shared()
        try:
            cursor = shared.cursor()  # one connection per thread over the shared database
            try:
                yield cursor
            finally:
                cursor.close()
        finally:
            self._release_shared()

    def _acquire_shared(self):
        with self._gate:
            if self._shared is not None and self._writer_waiting():
                while self._in_flight:
                    self._gate.wait()
                self._retire_shared()
            if self._shared is None:
                deadline = time.monotonic() + self.lock_timeout
                while self._writer_waiting() and time.monotonic() < deadline:
                    self._gate.wait(0.01)
                self._shared = self._open()
                self._shared_since = time.monotonic()
            self._in_flight += 1
            return self._shared

    def _release_shared(self) -> None:
        with self._gate:
            self._in_flight -= 1
            if not self._in_flight and (self._writer_waiting()
                                        or time.monotonic() - self._shared_since > self.MAX_SHARED_AGE):
                self._retire_shared()
            self._gate.notify_all()

    def _retire_shared(self) -> None:
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    def close(self) -> None:
        super().close()
        with self._gate:
            self._retire_shared()

    def _insert(self, con, table: str, rows: list[tuple]) -> None:
        import pyarrow as pa

        types = {"TEXT": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
                 "FLOAT8": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
                 "TIMESTAMP": pa.timestamp("us")}
        columns = COLUMNS[table]
        arrays = [pa.array([row[i] for row in rows], type=types[sqltype])
                  for i, (_, sqltype) in enumerate(columns)]
        incoming = pa.Table.from_arrays(arrays, names=[name for name, _ in columns])
        con.register("incoming_rows", incoming)
        try:
            con.execute(f"INSERT INTO {table} SELECT * FROM incoming_rows")
        finally:
            con.unregister("incoming_rows")


class PostgresStore(Store):
    postgres = True
    WRITER_LOCK = 0x68616461  # any constant shared by hadath writers

    def _open(self):
        import psycopg

        try:
            con = psycopg.connect(self.location, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"{redacted(self.location)}: cannot connect ({' '.join(str(exc).split())})") from None
        if self.read_only:
            con.execute("SET default_transaction_read_only = on")
        return con

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def contains_sql(self, column: str) -> str:
        return f"strpos({column}, ?) > 0"

    def _lock_writers(self, con) -> None:
        con.execute("SELECT pg_advisory_xact_lock(%s)", [self.WRITER_LOCK])

    def _insert(self, con, table: str, rows: list[tuple]) -> None:
        names = ", ".join(name for name, _ in COLUMNS[table])
        with con.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def open_store(location: str, read_only: bool = False, persistent: bool = True,
               lock_timeout: float = 30.0) -> Store:
    """A DuckDB file path, or a postgresql:// URL."""
    if is_postgres(location):
        return PostgresStore(location, read_only, persistent, lock_timeout)
    return DuckDBStore(location, read_only, persistent, lock_timeout)
