"""The site an article comes from: the lower-case host of its address, without ``www.``.

``site_for`` reads an absolute URL (a page's own address, a record's ``url``);
``domain_of`` also takes a bare domain as text dumps write it (``vnexpress.net``,
``(moh.gov.vn)``) and, since such text may be any word, wants a dot in it.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def site_for(url: str | None) -> str | None:
    """The site of an absolute URL (``https://www.a.vn/x`` -> ``a.vn``), else None."""
    return _host(url) if url else None


def domain_of(url_or_host: str) -> str | None:
    """The site of a URL or of a bare domain; None when it has no dot."""
    text = url_or_host.strip()
    host = _host(text if "://" in text else f"http://{text}")
    return host if host and "." in host else None
