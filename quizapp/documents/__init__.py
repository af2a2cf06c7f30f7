"""Teachers' own documents, their glossary names, and drafting a bank from a document.

Above ``banks`` (whose models, validator and loader it uses) and beside ``interop``.
"""

from . import cleanup  # noqa: F401 - connects the account-deletion receiver
