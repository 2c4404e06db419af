"""jieba with the domain dictionary, in our own Tokenizer instance.

The tokenizer is built lazily on first use, writes its prefix-dictionary cache to a per-user
folder, and says nothing on stderr. jieba's global tokenizer is never touched.
"""
from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

_lock = threading.Lock()


def cache_dir() -> Path:
    """Per-user cache folder ($ZUOFENG_CACHE, else $XDG_CACHE_HOME/zuofeng_nlp, else ~/.cache/zuofeng_nlp)."""
    explicit = os.environ.get("ZUOFENG_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zuofeng_nlp"


def userdict_terms() -> list[tuple[str, int, str]]:
    """(term, frequency, part of speech) rows of data/userdict.txt."""
    rows = []
    raw = resources.files("zuofeng_nlp.data").joinpath("userdict.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 else 2000
        rows.append((parts[0], freq, parts[2] if len(parts) > 2 else "n"))
    return rows


@lru_cache(maxsize=1)
def get_tokenizer():
    """The shared domain tokenizer (a ``jieba.Tokenizer``), initialised on first call."""
    with _lock:
        logging.getLogger("jieba").setLevel(logging.WARNING)
        import jieba

        jieba.default_logger.setLevel(logging.WARNING)
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


def tokenize(text: str) -> list[str]:
    """Words of ``text`` (jieba, domain dictionary, HMM for unknown words)."""
    return get_tokenizer().lcut(text)
