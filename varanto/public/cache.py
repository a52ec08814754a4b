"""In-process caches of the public site: the current publication per organisation, and rendered pages.

Public pages only change when an organisation publishes, so a worker keeps:

- `current_publication(slug)`: the organisation's latest publication not withdrawn, with its content read
  into a `PublishedCatalog`. Whether a newer one exists is asked from the database (one small
  query) at most every `PUBLIC_PUBLICATION_CHECK_SECONDS`; a publication made in this process
  is seen at once (the publishing service calls `publication_memo_forget`, and on a withdrawal also empties
  `pages` and `answers`), one made or withdrawn by another worker within that interval.
- `pages`: finished responses keyed by path, each remembering the publication it was made
  from. An entry whose publication is no longer the latest is simply never served again, so a
  new publication needs no explicit purge; the least recently used pages make room for new ones.
- `answers`: finished bodies of the anonymous public API, kept the same way, keyed by the whole
  address, Accept and language (never an authenticated working-model answer).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings

from varanto.publications.catalog import PublishedCatalog
from varanto.publications.models import Publication
from varanto.publications.selectors import latest_publication_id, publication_get

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CurrentPublication:
    publication: Publication
    catalog: PublishedCatalog


class _PublicationMemo:
    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, CurrentPublication]] = {}
        self._lock = threading.Lock()

    def get(self, slug: str) -> CurrentPublication | None:
        entry = self._entries.get(slug)
        now = time.monotonic()
        if entry and now - entry[0] < settings.PUBLIC_PUBLICATION_CHECK_SECONDS:
            return entry[1]
        latest_id = latest_publication_id(organization_slug=slug)
        if latest_id is None:
            # Unknown slugs are not remembered, so made-up addresses cannot fill the memory.
            self.forget(slug)
            return None
        if entry and entry[1].publication.id == latest_id:
            current = entry[1]
        else:
            publication = publication_get(publication_id=latest_id)
            current = CurrentPublication(publication, PublishedCatalog(publication.content))
            logger.info("Public pages of %s now show publication #%s", slug, publication.number)
        with self._lock:
            self._entries[slug] = (now, current)
        return current

    def peek(self, slug: str) -> CurrentPublication | None:
        """The remembered publication if it was confirmed as the latest within the interval; never asks the database."""
        entry = self._entries.get(slug)
        if entry and time.monotonic() - entry[0] < settings.PUBLIC_PUBLICATION_CHECK_SECONDS:
            return entry[1]
        return None

    def forget(self, slug: str | None = None) -> None:
        with self._lock:
            if slug is None:
                self._entries.clear()
            else:
                self._entries.pop(slug, None)


@dataclass(frozen=True)
class CachedPage:
    org_slug: str
    publication_id: int
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    etag: str
    last_modified: int


class _PageCache:
    def __init__(self) -> None:
        self._pages: OrderedDict[str, CachedPage] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: str) -> CachedPage | None:
        page = self._pages.get(path)
        if page is not None:
            with self._lock:
                if path in self._pages:
                    self._pages.move_to_end(path)
        return page

    def put(self, path: str, page: CachedPage) -> None:
        with self._lock:
            self._pages[path] = page
            self._pages.move_to_end(path)
            while len(self._pages) > settings.PUBLIC_PAGE_CACHE_SIZE:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)


publications = _PublicationMemo()
pages = _PageCache()
answers = _PageCache()


def page_key(host: str, path: str) -> str:
    """Pages are kept by host and path: where PUBLIC_BASE_URL is not set, a page names the host it was asked at."""
    return f"{host}{path}"


def current_publication(org_slug: str) -> CurrentPublication | None:
    """The organisation's latest publication not withdrawn and its catalogue, or None (no such organisation, or none)."""
    return publications.get(org_slug)


def public_caches_clear() -> None:
    """Forget everything cached (tests start each case from an empty cache)."""
    publications.forget()
    pages.clear()
    answers.clear()


def publication_memo_forget(org_slug: str) -> None:
    """Forget the organisation's remembered publication; the publishing service calls this when it publishes or withdraws."""
    publications.forget(org_slug)
