"""Exceptions a user can cause. The CLI turns each into one line ``Error: …`` and exit 1."""


class ZuofengError(Exception):
    """Base class of every error zuofeng_nlp raises on purpose."""


class ReadError(ZuofengError):
    """A report file could not be read (missing, empty, binary, corrupt …)."""


class ModelError(ZuofengError):
    """A model file is missing, damaged, untrusted or incompatible."""


class DataError(ZuofengError):
    """Labeled data (corpus or a user's training/evaluation file) is malformed."""
