"""Server addresses: parts, defaults, and where the password comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import LibraryError
from desktop.core.server.address import parse_address


def test_every_part_of_an_address_is_read() -> None:
    a = parse_address("postgresql://ana:s%40cret@db.example.org:6543/team")
    assert (a.user, a.password, a.host, a.port, a.database) == (
        "ana", "s@cret", "db.example.org", 6543, "team"
    )
    assert a.shown == "postgresql://ana@db.example.org:6543/team"


def test_the_port_defaults_to_postgresqls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    a = parse_address("postgres://ana@localhost/team")
    assert (a.port, a.password) == (5432, None)


@pytest.mark.parametrize(
    "bad", ["postgresql://ana@host", "postgresql://ana@host/", "postgresql://host:99999/x"]
)
def test_an_address_without_a_database_or_with_a_bad_port_is_one_line(bad: str) -> None:
    with pytest.raises(LibraryError):
        parse_address(bad)


def test_the_password_may_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "from-env")
    assert parse_address("postgresql://ana@host/team").password == "from-env"
    assert parse_address("postgresql://ana:given@host/team").password == "given"


def test_the_password_may_come_from_pgpass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(
        "# comment\nother:5432:team:ana:wrong\nhost:5432:*:ana:pa\\:ss\n", "utf-8"
    )
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert parse_address("postgresql://ana@host/team").password == "pa:ss"
    assert parse_address("postgresql://bob@host/team").password is None
