"""One reader for machine-written dates: ISO values from sources and the store's own."""

from __future__ import annotations

from datetime import date

from desktop.core.dates import iso_date, mail_date


def test_iso_values_give_their_calendar_date() -> None:
    assert iso_date("2023-05-01") == date(2023, 5, 1)
    assert iso_date("2017-03-06T04:02:06Z") == date(2017, 3, 6)
    assert iso_date(" 2023-5-1") == date(2023, 5, 1)


def test_anything_else_is_no_date_never_an_error() -> None:
    for bad in (None, "", "2023-02-30", "20230501", "2023-W01-1", "hôm qua", "2023-13-01"):
        assert iso_date(bad) is None
    assert mail_date("Mon, 1 May 2023 09:30:00 +0700") == date(2023, 5, 1)
    assert mail_date("not a date") is None
