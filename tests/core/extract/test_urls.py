"""The site of an article: from its URL, or from a bare domain a text dump names."""

from __future__ import annotations

from desktop.core.extract.urls import domain_of, site_for


def test_site_for() -> None:
    assert site_for("https://www.vnexpress.net/a/b") == "vnexpress.net"
    assert site_for("http://iana.org:8080/") == "iana.org"
    assert site_for("not a url") is None
    assert site_for(None) is None


def test_domain_of_takes_urls_and_bare_domains_with_a_dot() -> None:
    assert domain_of("  https://WWW.Chinhphu.vn/tin ") == "chinhphu.vn"
    assert domain_of("moh.gov.vn") == "moh.gov.vn"
    assert domain_of("localhost") is None
    assert domain_of("http://[::1") is None
