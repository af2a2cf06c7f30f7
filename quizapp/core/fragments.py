"""Rendered HTML fragments that depend only on content, kept per process.

A fragment's key names everything it shows: the content's hash (so an edited question
or document gets a new key and an old fragment is never served), the language, the
digit setting and the variant. Nothing is ever invalidated, so every worker and every
server may keep its own copy without coordination; each copy is a least-recently-used
map bounded by the characters it holds, so a library of banks cannot grow it without
limit.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app
from markupsafe import Markup

DEFAULT_MAX_CHARS = 32 * 1024 * 1024


class FragmentCache:
    def __init__(self, max_chars: int = DEFAULT_MAX_CHARS):
        self.max_chars = max_chars
        self._entries: OrderedDict[Hashable, Markup] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()  # gunicorn's threads share a worker's cache
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Markup | None:
        with self._lock:
            fragment = self._entries.get(key)
            if fragment is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return fragment

    def put(self, key: Hashable, fragment: str) -> Markup:
        fragment = Markup(fragment)
        if len(fragment) > self.max_chars:
            return fragment  # larger than the whole cache: rendered, never kept
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._chars -= len(previous)
            self._entries[key] = fragment
            self._chars += len(fragment)
            while self._chars > self.max_chars:
                _, evicted = self._entries.popitem(last=False)
                self._chars -= len(evicted)
        return fragment

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> Markup:
        fragment = self.get(key)
        return fragment if fragment is not None else self.put(key, render())

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._chars = 0

    @property
    def chars(self) -> int:
        return self._chars

    def __len__(self) -> int:
        return len(self._entries)


def fragment_cache() -> FragmentCache:
    """This app's cache (one per app, so tests that make their own apps share nothing)."""
    cache = current_app.extensions.get("fragment_cache")
    if cache is None:
        cache = current_app.extensions.setdefault("fragment_cache", FragmentCache(
            current_app.config["FRAGMENT_CACHE_CHARS"]))
    return cache
