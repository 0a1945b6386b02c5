"""The site a page dump names most, never a tracker or a share button's host."""

from __future__ import annotations

from desktop.core.extract.sitehost import page_site


def test_copyright_line_and_bare_name_outvote_embedded_links() -> None:
    lines = [
        "IFRAME: https://www.googletagmanager.com/ns.html?id=GTM-XXXX",
        "IFRAME: https://player.example-video.net/embed/123",
        "Some menu",
        "Copyright © 2019 Fieldnotes.example.com, LLC. All rights reserved.",
    ]
    assert page_site(lines) == "fieldnotes.example.com"


def test_share_button_query_names_the_site_and_not_the_social_host() -> None:
    lines = [
        "IFRAME: http://www.facebook.com/plugins/like.php?href=http://www.garden-diary.de/a.htm",
        "TrackBack URL http://www.garden-diary.de/a.htm/trackback",
    ]
    assert page_site(lines) == "garden-diary.de"


def test_single_link_file_names_and_encoded_urls_are_no_evidence() -> None:
    lines = [
        "IFRAME: https://player.example-video.net/embed/123",
        "photo.jpg index.html end.Next",
        "* Tweet https://twitter.com/intent?url=https%3A%2F%2Ftwitter.com%2Fx",
    ]
    assert page_site(lines) is None


def test_blog_platform_is_not_the_site_but_the_blog_is() -> None:
    lines = ["Blog at WordPress.com.", "Blog at WordPress.com.", "© notes-of-anna.wordpress.com"]
    assert page_site(lines) == "notes-of-anna.wordpress.com"


def test_lynx_first_line_names_the_site() -> None:
    assert page_site(["#forsal.pl", "Wiadomości", "* Kontakt"]) == "forsal.pl"


def test_two_hosts_named_as_often_give_no_site() -> None:
    lines = [
        "Startseite",
        "Foto: bildagentur-example.com",
        "Mehr bei partnerblog-example.de",
    ]
    assert page_site(lines) is None
    assert page_site([*lines, "Alle Beiträge auf partnerblog-example.de"]) == (
        "partnerblog-example.de"
    )
