"""UI language: English or Vietnamese, following the system locale unless chosen.

Compiled translations (``.qm``) ship inside the package under
``desktop/ui/assets/translations`` and are found with ``importlib.resources``;
the ``.ts`` sources live in ``resources/translations``.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOG = "archive_browser"
SUPPORTED = ("en", "vi")

_installed: list[QTranslator] = []
# QTranslator.load(data) does not copy the catalogue: keep the bytes alive.
_catalog_data: list[bytes] = []


def resolve_language(choice: str) -> str:
    """'en' or 'vi' for a setting of 'system', 'en' or 'vi'."""
    if choice in SUPPORTED:
        return choice
    name = QLocale.system().name().split("_")[0].lower()
    return name if name in SUPPORTED else "en"


def qm_bytes(language: str) -> bytes | None:
    ref = resources.files("desktop.ui.assets").joinpath("translations", f"{CATALOG}_{language}.qm")
    try:
        return ref.read_bytes()
    except (FileNotFoundError, OSError):
        return None


def install_translations(app: QCoreApplication, choice: str) -> str:
    """Install the app's (and Qt's own) translations; returns the language in effect."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _catalog_data.clear()
    language = resolve_language(choice)
    if language == "en":
        return language
    data = qm_bytes(language)
    if data is not None:
        translator = QTranslator(app)
        _catalog_data.append(data)
        if translator.load(data):
            app.installTranslator(translator)
            _installed.append(translator)
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return language
