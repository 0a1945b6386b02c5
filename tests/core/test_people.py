"""User names: cleaned for storage, and the login name never fails."""

from __future__ import annotations

import getpass

import pytest

from desktop.core import people


def test_clean_name_keeps_one_nfc_line() -> None:
    assert people.clean_name("  Nguye\u0302\u0303n\tVăn\nAn \x00") == "Nguyễn Văn An"
    assert people.clean_name(42) == ""
    assert people.clean_name(None) == ""
    assert len(people.clean_name("x" * 1000)) == people.MAX_NAME_CHARS


def test_login_name_is_the_os_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "lan")
    assert people.login_name() == "lan"


def test_login_name_fails_soft(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert people.login_name() == ""
