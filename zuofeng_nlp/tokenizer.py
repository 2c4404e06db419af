"""jieba with the domain dictionary, in our own Tokenizer instances.

Two ways to get the same tokens:

* :func:`get_tokenizer` — a ``jieba.Tokenizer`` with jieba's whole prefix dictionary plus ours
  (about 0.4 s and 80 MB to load; the right choice for training and large batches);
* :func:`segmenter_for` — a ``jieba.Tokenizer`` whose prefix dictionary holds only the entries
  that occur in the given texts, read from an SQLite copy of the whole dictionary (built once per
  user, like jieba's own cache). jieba segments a text by looking up its substrings only, so the
  tokens are identical (tests/test_tokenizer.py checks it on the whole corpus); a single report
  starts in a few milliseconds.

Both are silent on stderr and never touch jieba's global tokenizer. When rjieba (a Rust port of
jieba, ``pip install zuofeng_nlp[fast]``) is installed it is used instead, with the same domain
dictionary: about 20 times faster, and the same tokens on the whole corpus (tests check it). Set
ZUOFENG_TOKENIZER=jieba to force the Python one.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import sys
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

Segment = Callable[[str], list[str]]
_MISSING = object()
_lock = threading.RLock()
_SQL_CHUNK = 900  # bound parameters per query, below SQLite's limit


def cache_dir() -> Path:
    """Per-user cache folder ($ZUOFENG_CACHE, else $XDG_CACHE_HOME/zuofeng_nlp, else ~/.cache/zuofeng_nlp)."""
    explicit = os.environ.get("ZUOFENG_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zuofeng_nlp"


def _userdict_text() -> str:
    return resources.files("zuofeng_nlp.data").joinpath("userdict.txt").read_text(encoding="utf-8")


def userdict_terms() -> list[tuple[str, int, str]]:
    """(term, frequency, part of speech) rows of data/userdict.txt."""
    rows = []
    for line in _userdict_text().splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 else 2000
        rows.append((parts[0], freq, parts[2] if len(parts) > 2 else "n"))
    return rows


def _quiet_jieba():
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if "jieba" not in sys.modules:
        # jieba 0.42 imports pkg_resources (about 50 ms) only to open its own files and falls back to
        # plain open() without it; hide it during that one import, then put everything back.
        saved = sys.modules.get("pkg_resources", _MISSING)
        sys.modules["pkg_resources"] = None
        try:
            import jieba  # noqa: F401
        finally:
            if saved is _MISSING:
                del sys.modules["pkg_resources"]
            else:
                sys.modules["pkg_resources"] = saved
    import jieba

    jieba.default_logger.setLevel(logging.WARNING)
    return jieba


def jieba_version() -> str:
    return _quiet_jieba().__version__


@lru_cache(maxsize=1)
def _rjieba_installed() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def backend() -> str:
    """``"rjieba"`` when it is installed (and not disabled by ZUOFENG_TOKENIZER=jieba), else ``"jieba"``."""
    if os.environ.get("ZUOFENG_TOKENIZER", "").lower() == "jieba" or not _rjieba_installed():
        return "jieba"
    return "rjieba"


@lru_cache(maxsize=1)
def _rjieba_cut() -> Segment:
    import rjieba

    tk = rjieba.Jieba()
    for term, freq, pos in userdict_terms():
        tk.add_word(term, freq, pos)
    return tk.cut


@lru_cache(maxsize=1)
def get_tokenizer():
    """The full domain tokenizer (a ``jieba.Tokenizer``), initialised on first call."""
    with _lock:
        jieba = _quiet_jieba()
        tk = jieba.Tokenizer()
        folder = cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tk.tmp_dir = str(folder)
        except OSError:
            pass  # an unwritable home: jieba falls back to the system temp folder
        tk.initialize()
        for term, freq, pos in userdict_terms():
            tk.add_word(term, freq, pos)
        return tk


def full_tokenizer_loaded() -> bool:
    """Is a whole-dictionary tokenizer (jieba's or rjieba's) already in memory?"""
    return get_tokenizer.cache_info().currsize > 0 or _rjieba_cut.cache_info().currsize > 0


def warm_up() -> None:
    """Load the whole-dictionary tokenizer of the backend now (for batches of many reports)."""
    if backend() == "rjieba":
        _rjieba_cut()
    else:
        get_tokenizer()


def tokenize(text: str) -> list[str]:
    """Words of ``text`` (jieba, domain dictionary, HMM for unknown words)."""
    if backend() == "rjieba":
        return _rjieba_cut()(text)
    return get_tokenizer().lcut(text)


# -- the prefix dictionary in SQLite ---------------------------------------------------------
def _dictionary_path() -> Path:
    key = hashlib.sha256((jieba_version() + "\0" + _userdict_text()).encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"prefix-dict-{key}.sqlite"


def _build_dictionary(path: Path) -> None:
    tk = get_tokenizer()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID")
        con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")
        con.executemany("INSERT INTO freq VALUES (?, ?)", tk.FREQ.items())
        con.execute("INSERT INTO meta VALUES ('total', ?)", (tk.total,))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


@lru_cache(maxsize=1)
def _dictionary() -> tuple[sqlite3.Connection, int] | None:
    """A read-only connection to the SQLite prefix dictionary and jieba's total, None if unavailable."""
    try:
        path = _dictionary_path()
        if not path.exists():
            _build_dictionary(path)
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        total = con.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()[0]
        return con, int(total)
    except (OSError, sqlite3.Error, TypeError):
        return None


def _lookup(con: sqlite3.Connection, words: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i in range(0, len(words), _SQL_CHUNK):
        chunk = words[i:i + _SQL_CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(con.execute(f"SELECT w, f FROM freq WHERE w IN ({marks})", chunk).fetchall())
    return found


def prefix_entries(con: sqlite3.Connection, texts: Iterable[str]) -> dict[str, int]:
    """Every prefix-dictionary entry that occurs in ``texts``: what jieba would look up in them.

    jieba extends a candidate word while it is in the prefix dictionary (every prefix of a word is
    an entry), so growing substrings one character at a time from each position finds them all.
    """
    texts = [t for t in texts if t]
    frontier = [(i, k) for i, t in enumerate(texts) for k in range(len(t)) if not t[k].isspace()]
    found: dict[str, int] = {}
    length = 1
    while frontier:
        wanted = sorted({texts[i][k:k + length] for i, k in frontier})
        hits = _lookup(con, wanted)
        found.update(hits)
        length += 1
        frontier = [(i, k) for i, k in frontier
                    if texts[i][k:k + length - 1] in hits and k + length <= len(texts[i])]
    return found


def segmenter_for(texts: Iterable[str]) -> Segment:
    """A segmenter giving the same tokens as :func:`tokenize` on ``texts``, cheap to start.

    Uses the whole-dictionary tokenizer when it is already loaded (see :func:`warm_up`) or the SQLite
    dictionary cannot be used.
    """
    if full_tokenizer_loaded():
        return tokenize
    with _lock:
        store = _dictionary()
    if store is None:
        return tokenize
    con, total = store
    jieba = _quiet_jieba()
    tk = jieba.Tokenizer()
    with _lock:
        tk.FREQ = prefix_entries(con, texts)
    tk.total = total
    tk.initialized = True
    return tk.lcut
