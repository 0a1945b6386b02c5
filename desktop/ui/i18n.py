"""UI language: English or Vietnamese, following the system locale unless chosen.

Compiled translations (``.qm``) ship inside the package under
``desktop/ui/assets/translations`` and are found with ``importlib.resources``;
the ``.ts`` sources live in ``resources/translations``.

Qt's own words (the OK and Cancel buttons, the Copy and Select All of a text
field's menu, the file dialog) come from Qt's ``qtbase`` catalogue when Qt
ships one for the language. PySide6 ships none for Vietnamese, so the app
carries its own (``qt_standard_vi``) for those strings.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOG = "archive_browser"
QT_CATALOG = "qt_standard"  # Qt's standard strings, where Qt has no qtbase catalogue
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


def qm_bytes(language: str, catalog: str = CATALOG) -> bytes | None:
    ref = resources.files("desktop.ui.assets").joinpath("translations", f"{catalog}_{language}.qm")
    try:
        return ref.read_bytes()
    except (FileNotFoundError, OSError):
        return None


def _locale_for(language: str) -> QLocale:
    system = QLocale.system()
    if system.name().split("_")[0].lower() == language:
        return system
    return QLocale("en_US" if language == "en" else language)


def _install_bytes(app: QCoreApplication, data: bytes | None) -> bool:
    if data is None:
        return False
    translator = QTranslator(app)
    _catalog_data.append(data)
    if not translator.load(data):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_translations(app: QCoreApplication, choice: str) -> str:
    """Install the app's (and Qt's own) translations; returns the language in effect.

    Also sets the default locale (month names in date pickers, and so on).
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _catalog_data.clear()
    language = resolve_language(choice)
    QLocale.setDefault(_locale_for(language))
    if language == "en":
        return language
    _install_bytes(app, qm_bytes(language))
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    else:
        _install_bytes(app, qm_bytes(language, QT_CATALOG))
    return language
